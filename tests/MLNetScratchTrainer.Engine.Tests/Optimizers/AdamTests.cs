using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class AdamTests
{
    /// <summary>
    /// Step 1 (t = 1): m1 = 0.1·g1 = [0.05, −0.1], v1 = 0.001·g1² = [0.00025, 0.001];
    /// m̂ = m1 / (1 − 0.9) = [0.5, −1], v̂ = v1 / (1 − 0.999) = [0.25, 1]; update = 0.1·m̂ / (√v̂ + ε).
    /// </summary>
    internal static readonly double[] FirstUpdate = [0.1 * 0.5 / (Math.Sqrt(0.25) + 1e-8), 0.1 * -1 / (Math.Sqrt(1) + 1e-8)];

    /// <summary>
    /// Step 2 (t = 2): m2 = 0.9·m1 + 0.1·g2 = [0.045 + 0.01, −0.09 + 0.03] = [0.055, −0.06],
    /// v2 = 0.999·v1 + 0.001·g2² = [0.00024975 + 0.00001, 0.000999 + 0.00009] = [0.00025975, 0.001089];
    /// m̂ = m2 / (1 − 0.9²) = m2 / 0.19, v̂ = v2 / (1 − 0.999²) = v2 / 0.001999; update = 0.1·m̂ / (√v̂ + ε).
    /// </summary>
    internal static readonly double[] SecondUpdate =
    [
        0.1 * (0.055 / 0.19) / (Math.Sqrt(0.00025975 / 0.001999) + 1e-8),
        0.1 * (-0.06 / 0.19) / (Math.Sqrt(0.001089 / 0.001999) + 1e-8),
    ];

    [TestMethod]
    public void FirstTwoStepsMatchHandComputation()
    {
        var adam = new Adam(beta1: 0.9f, beta2: 0.999f, epsilon: 1e-8f);
        Parameter w = TwoStepProblem.CreateParameter();

        TwoStepProblem.FirstStep(adam, w);
        double[] w1 = [1 - FirstUpdate[0], -2 - FirstUpdate[1]];
        TwoStepProblem.AssertValues(w1, w.Value, 1e-5);

        TwoStepProblem.SecondStep(adam, w);
        TwoStepProblem.AssertValues([w1[0] - SecondUpdate[0], w1[1] - SecondUpdate[1]], w.Value, 1e-5);
    }

    [TestMethod]
    public void FirstStepMovesEveryWeightByTheLearningRateWhateverTheGradientScale()
    {
        var adam = new Adam();
        var w = new Parameter("w", 1, 2, true);
        w.Gradient[0] = 1000f;
        w.Gradient[1] = -0.001f;

        adam.Step([w], 0.1f);

        TwoStepProblem.AssertValues([-0.1, 0.1], w.Value, 1e-5);
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(3)]
    public void Step_SplitOverThreads_BitIdenticalToOneThread(int threads)
    {
        // 40,007 weights cross the parallel threshold and end in a partial vector; 7 stays below one vector.
        int[] lengths = [40_007, 7, 256];
        using var pool = new WorkerPool(threads);
        Parameter[] single = Parameters(lengths), parallel = Parameters(lengths);
        var alone = new AdamW(weightDecay: 0.1f);
        var split = new AdamW(weightDecay: 0.1f, pool: pool);
        for (int step = 0; step < 3; step++)
        {
            foreach (var (a, b) in single.Zip(parallel))
            {
                float[] gradient = RandomValues.Uniform(a.Gradient.Length, (step * 10) + a.Gradient.Length);
                gradient.CopyTo(a.Gradient, 0);
                gradient.CopyTo(b.Gradient, 0);
            }

            alone.Step(single, 0.01f);
            split.Step(parallel, 0.01f);
        }

        for (int p = 0; p < lengths.Length; p++)
        {
            CollectionAssert.AreEqual(single[p].Value, parallel[p].Value, $"parameter {p} ({lengths[p]} weights)");
            Assert.IsTrue(single[p].Value.All(v => v != 0f), "every weight moved");
        }
    }

    [TestMethod]
    [DataRow(3)] // rows shorter than a vector: each row as a partial block
    [DataRow(32)] // rows of whole 512-bit vectors: the per-row path straight from the arrays
    [DataRow(24)] // rows of whole 256-bit vectors, not of 512-bit ones
    [DataRow(12)] // rows no 256-bit vector divides: range by range
    public void Step_RowSparseGradient_UpdatesOnlyThoseRowsAsADenseStepWould(int columns)
    {
        // A 5 × columns weight; step 1 touches every row, step 2 only rows 1 and 3. Dense Adam would move rows 0, 2 and 4
        // again at step 2 (their first moment is not zero); the lazy update leaves them, and rows 1 and 3 get exactly
        // the dense values.
        int size = 5 * columns;
        var dense = new Parameter("w", 5, columns, isWeight: true);
        var lazy = new Parameter("w", 5, columns, isWeight: true);
        var denseAdam = new AdamW(weightDecay: 0.1f);
        var lazyAdam = new AdamW(weightDecay: 0.1f);
        float[] first = RandomValues.Uniform(size, 1);
        float[] second = new float[size];
        RandomValues.Uniform(columns, 2).CopyTo(second, columns);
        RandomValues.Uniform(columns, 3).CopyTo(second, 3 * columns);

        first.CopyTo(dense.Gradient, 0);
        first.CopyTo(lazy.Gradient, 0);
        lazy.GradientRows = new[] { 0, 1, 2, 3, 4 };
        denseAdam.Step([dense], 0.01f);
        lazyAdam.Step([lazy], 0.01f);
        float[] afterFirst = (float[])lazy.Value.Clone();
        CollectionAssert.AreEqual(dense.Value, lazy.Value, "every row touched: the same as dense");

        second.CopyTo(dense.Gradient, 0);
        second.CopyTo(lazy.Gradient, 0);
        lazy.GradientRows = new[] { 1, 3 };
        denseAdam.Step([dense], 0.01f);
        lazyAdam.Step([lazy], 0.01f);

        for (int i = 0; i < size; i++)
        {
            int row = i / columns;
            if (row is 1 or 3)
            {
                Assert.AreEqual(dense.Value[i], lazy.Value[i], $"touched row {row}");
            }
            else
            {
                Assert.AreEqual(afterFirst[i], lazy.Value[i], $"untouched row {row} kept");
                Assert.AreNotEqual(afterFirst[i], dense.Value[i], $"dense Adam moves row {row}");
            }
        }
    }

    [TestMethod]
    public void Step_AnyLength_MatchesTheScalarRuleBitForBit()
    {
        // Lengths below, at and across one or two vectors; gradients include zeros (moments decaying toward the
        // flush-to-zero bound) and the decoupled weight decay applies to the weights, not the bias.
        int[] lengths = [1, 3, 4, 7, 8, 15, 16, 17, 33, 100];
        const float beta1 = 0.8f, beta2 = 0.95f, epsilon = 1e-6f, rate = 0.01f, decay = 0.1f;
        var adam = new Adam(beta1, beta2, epsilon);
        Parameter[] parameters = Parameters(lengths);
        float[][] w = [.. parameters.Select(p => (float[])p.Value.Clone())];
        float[][] m = [.. lengths.Select(n => new float[n])], v = [.. lengths.Select(n => new float[n])];
        for (int step = 1; step <= 4; step++)
        {
            float stepSize = (float)(rate / (1.0 - Math.Pow(beta1, step)));
            float correction = (float)(1.0 / Math.Sqrt(1.0 - Math.Pow(beta2, step)));
            for (int p = 0; p < lengths.Length; p++)
            {
                float[] gradient = RandomValues.Uniform(lengths[p], (step * 100) + p);
                for (int i = 0; i < gradient.Length; i += 3)
                {
                    gradient[i] = step > 1 ? 0f : gradient[i];
                }

                gradient.CopyTo(parameters[p].Gradient, 0);
                float decayFactor = parameters[p].IsWeight ? 1f - (rate * decay) : 1f;
                for (int i = 0; i < lengths[p]; i++)
                {
                    float g = gradient[i];
                    m[p][i] = Flush((beta1 * m[p][i]) + ((1f - beta1) * g));
                    v[p][i] = Flush((beta2 * v[p][i]) + ((1f - beta2) * (g * g)));
                    w[p][i] = (decayFactor * w[p][i]) - (stepSize * m[p][i] / ((MathF.Sqrt(v[p][i]) * correction) + epsilon));
                }
            }

            adam.Step(parameters, rate, decay);
        }

        for (int p = 0; p < lengths.Length; p++)
        {
            CollectionAssert.AreEqual(w[p], parameters[p].Value, $"{lengths[p]} weights");
        }

        static float Flush(float x) => MathF.Abs(x) < 1e-30f ? 0f : x;
    }

    [TestMethod]
    public void RejectsInvalidHyperparameters()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(beta1: 1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(beta2: 1.001f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(epsilon: 0f));
    }

    private static Parameter[] Parameters(int[] lengths)
        => [.. lengths.Select((length, i) => new Parameter($"p{i}", 1, length, isWeight: i != 1))];
}
