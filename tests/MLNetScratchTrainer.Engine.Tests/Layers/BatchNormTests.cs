using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Layers;

[TestClass]
public sealed class BatchNormTests
{
    private const int Rows = 64, Size = 3;

    [TestMethod]
    public void Forward_Training_StandardizesEachFeatureWithBatchStatistics()
    {
        var batchNorm = new BatchNorm(Size);

        float[] output = batchNorm.Forward(ShiftedInput(), training: true).Span.ToArray();

        for (int j = 0; j < Size; j++)
        {
            var (mean, variance) = ColumnStatistics(output, j);

            // Mean: float32 rounding of 64 values of order 1 leaves ~1e-7. Variance: σ²/(σ² + ε) with ε = 1e-5
            // and a batch variance σ² of 0.5 or more differs from 1 by at most 2e-5, plus rounding.
            Assert.AreEqual(0, mean, 1e-5, $"mean of feature {j}");
            Assert.AreEqual(1, variance, 1e-4, $"variance of feature {j}");
        }
    }

    [TestMethod]
    public void Forward_Training_UpdatesRunningStatisticsWithMomentum()
    {
        const float momentum = 0.25f;
        var batchNorm = new BatchNorm(Size, momentum);
        var input = ShiftedInput();

        batchNorm.Forward(input, training: true);

        for (int j = 0; j < Size; j++)
        {
            var (mean, variance) = ColumnStatistics(input.Span.ToArray(), j);
            double unbiased = variance * Rows / (Rows - 1);

            // Start: mean 0, variance 1. One update: (1 − momentum)·old + momentum·batch (variance unbiased).
            Assert.AreEqual(momentum * mean, batchNorm.RunningMean.Value[j], 1e-4, $"running mean {j}");
            Assert.AreEqual((1 - momentum) + (momentum * unbiased), batchNorm.RunningVariance.Value[j], 1e-3, $"running variance {j}");
        }
    }

    [TestMethod]
    public void Forward_ManyTrainingPasses_RunningStatisticsConvergeToTheBatchStatistics()
    {
        var batchNorm = new BatchNorm(Size);
        var input = ShiftedInput();

        // After n passes the initial values weigh (1 − 0.1)ⁿ; 0.9²⁰⁰ ≈ 7e-10.
        for (int pass = 0; pass < 200; pass++)
        {
            batchNorm.Forward(input, training: true);
        }

        for (int j = 0; j < Size; j++)
        {
            var (mean, variance) = ColumnStatistics(input.Span.ToArray(), j);
            Assert.AreEqual(mean, batchNorm.RunningMean.Value[j], 1e-3 * Math.Max(1, Math.Abs(mean)), $"running mean {j}");
            Assert.AreEqual(variance * Rows / (Rows - 1), batchNorm.RunningVariance.Value[j], 1e-3 * variance, $"running variance {j}");
        }
    }

    [TestMethod]
    public void Forward_Inference_UsesRunningStatisticsNotTheBatch()
    {
        var batchNorm = new BatchNorm(Size);
        float[] gamma = [2f, 0.5f, 1f], beta = [1f, -1f, 0.25f], runningMean = [3f, -2f, 0.5f], runningVariance = [4f, 0.25f, 9f];
        gamma.CopyTo(batchNorm.Gamma.Value, 0);
        beta.CopyTo(batchNorm.Beta.Value, 0);
        runningMean.CopyTo(batchNorm.RunningMean.Value, 0);
        runningVariance.CopyTo(batchNorm.RunningVariance.Value, 0);
        var input = ShiftedInput();

        float[] inference = batchNorm.Forward(input, training: false).Span.ToArray();

        for (int i = 0; i < inference.Length; i++)
        {
            int j = i % Size;
            double expected = (gamma[j] * (input.Span[i] - runningMean[j]) / Math.Sqrt(runningVariance[j] + 1e-5)) + beta[j];
            Assert.AreEqual(expected, inference[i], 1e-4, $"value {i}");
        }

        CollectionAssert.AreEqual(runningMean, batchNorm.RunningMean.Value, "inference leaves the running mean alone");
        float[] training = batchNorm.Forward(input, training: true).Span.ToArray();
        Assert.IsGreaterThan(0.5, inference.Zip(training, (a, b) => Math.Abs(a - b)).Max(), "training output differs from inference output");
    }

    /// <summary>Feature j has mean about 5·j − 3 and standard deviation about j + 1: far from already standardised.</summary>
    private static Matrix ShiftedInput()
    {
        float[] values = RandomValues.Normal(Rows * Size, seed: 11);
        for (int i = 0; i < values.Length; i++)
        {
            int j = i % Size;
            values[i] = (values[i] * (j + 1)) + (5 * j) - 3;
        }

        return new Matrix(values, Rows, Size);
    }

    private static (double Mean, double Variance) ColumnStatistics(float[] values, int column)
    {
        double[] x = [.. Enumerable.Range(0, Rows).Select(r => (double)values[(r * Size) + column])];
        double mean = x.Average();
        return (mean, x.Average(v => (v - mean) * (v - mean)));
    }
}
