using MLNetScratchTrainer.Engine.Gradients;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Layers;

[TestClass]
public sealed class DropoutTests
{
    private const float Rate = 0.3f;

    [TestMethod]
    public void Forward_Inference_IsTheIdentity()
    {
        var input = RandomValues.Matrix(4, 10, seed: 1);
        var dropout = new Dropout(10, Rate, new Rng(1));

        var output = dropout.Forward(input, training: false);

        CollectionAssert.AreEqual(input.Span.ToArray(), output.Span.ToArray());
        Assert.AreSame(input, dropout.Backward(input), "inference backward passes the gradient through");
    }

    [TestMethod]
    public void Forward_Training_DropsAboutRateAndScalesSurvivors()
    {
        const int rows = 100, size = 100;
        var input = RandomValues.Matrix(rows, size, seed: 2, min: 0.5f, max: 1.5f);
        var dropout = new Dropout(size, Rate, new Rng(2));

        float[] output = dropout.Forward(input, training: true).Span.ToArray();

        float scale = 1f / (1f - Rate);
        int dropped = 0;
        for (int i = 0; i < output.Length; i++)
        {
            if (output[i] == 0f)
            {
                dropped++;
            }
            else
            {
                Assert.AreEqual(input.Span[i] * scale, output[i], $"survivor {i} is scaled by 1/(1 − rate)");
            }
        }

        // The dropped count is binomial(10 000, 0.3): standard deviation √(10 000·0.3·0.7) ≈ 46, so ±200 is over 4σ.
        Assert.AreEqual(rows * size * Rate, dropped, 200, "dropped values");
    }

    [TestMethod]
    public void Forward_OddSize_MaskIsTheEightLaneDrawsInOrder()
    {
        // 3 × 7 = 21 values: two whole draws of eight and five values of a third; value i is lane i mod 8 of draw i / 8.
        const int rows = 3, size = 7;
        var dropout = new Dropout(size, Rate, new Rng(9));
        var lanes = VectorRng.From(new Rng(9));
        float keep = 1f - Rate;

        float[] mask = dropout.Forward(new Matrix(Enumerable.Repeat(1f, rows * size).ToArray(), rows, size), training: true).Span.ToArray();

        float[] draws = [.. Enumerable.Range(0, 3).SelectMany(_ => { var v = lanes.NextFloats(); return Enumerable.Range(0, VectorRng.Lanes).Select(l => v[l]); })];
        for (int i = 0; i < mask.Length; i++)
        {
            Assert.AreEqual(draws[i] < keep ? 1f / keep : 0f, mask[i], $"value {i}");
        }
    }

    [TestMethod]
    public void Forward_Training_DrawsANewMaskEachPass()
    {
        var dropout = new Dropout(50, Rate, new Rng(3));
        var ones = new Matrix(Enumerable.Repeat(1f, 50).ToArray(), 1, 50);

        float[] first = dropout.Forward(ones, training: true).Span.ToArray();
        float[] second = dropout.Forward(ones, training: true).Span.ToArray();

        CollectionAssert.AreNotEqual(first, second);
    }

    [TestMethod]
    public void Backward_WithTheMaskKept_MatchesNumericalGradientOfTheFixedMaskFunction()
    {
        // Training draws a new mask on every pass, so the layer's own forward cannot be differentiated
        // numerically. Fix the mask instead: a forward pass over ones returns the mask m itself, and with m
        // fixed the layer is f(x) = m ⊙ x. Backward must return ∂(Σ g ⊙ f(x))/∂x for that same m.
        const int rows = 3, size = 9;
        var dropout = new Dropout(size, Rate, new Rng(4));
        float[] mask = dropout.Forward(new Matrix(Enumerable.Repeat(1f, rows * size).ToArray(), rows, size), training: true).Span.ToArray();
        var outputGradient = RandomValues.Matrix(rows, size, seed: 5);
        float[] analytic = dropout.Backward(outputGradient).Span.ToArray();

        float[] x = RandomValues.Uniform(rows * size, seed: 6);
        double FixedMaskLoss()
        {
            double sum = 0;
            for (int i = 0; i < x.Length; i++)
            {
                sum += outputGradient.Span[i] * (double)mask[i] * x[i];
            }

            return sum;
        }

        var comparison = GradientComparison.Compare("input", analytic, NumericalGradient.Compute(FixedMaskLoss, x, Float32Gradients.Step));

        Assert.IsTrue(comparison.Passed(Float32Gradients.Tolerance), comparison.ToString());
        Assert.IsTrue(mask.Contains(0f) && mask.Contains(1f / (1f - Rate)), "the mask both drops and keeps values");
    }

    [TestMethod]
    public void GradientCheck_DropoutInTraining_IsRejected()
    {
        var dropout = new Dropout(4, Rate, new Rng(7));

        var exception = Assert.ThrowsExactly<ArgumentException>(() => GradientCheck.Run(dropout, new Matrix(2, 4), new Matrix(2, 4)));

        Assert.Contains("mask", exception.Message);
    }

    [TestMethod]
    public void Forward_RateZero_IsTheIdentityInTraining()
    {
        var input = RandomValues.Matrix(2, 5, seed: 8);

        var output = new Dropout(5, 0f, new Rng(8)).Forward(input, training: true);

        CollectionAssert.AreEqual(input.Span.ToArray(), output.Span.ToArray());
    }

    [TestMethod]
    [DataRow(-0.1f)]
    [DataRow(1f)]
    [DataRow(float.NaN)]
    public void Constructor_RateOutsideZeroToOne_Throws(float rate)
        => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Dropout(3, rate, new Rng(0)));
}
