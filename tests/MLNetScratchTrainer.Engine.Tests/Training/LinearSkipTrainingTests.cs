using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

/// <summary>Training with the linear skip (<see cref="MlpTrainerOptions.LinearSkip"/>): what it learns and what the run keeps.</summary>
[TestClass]
public sealed class LinearSkipTrainingTests
{
    private const int Features = 20;

    [TestMethod]
    public void Fit_ALinearTargetOfManyFeatures_IsLearnedBetterWithTheSkip()
    {
        // t = x·w + noise in 20 dimensions from 150 rows: the skip is the exact model class; 16 ReLU units must build each
        // direction out of kinks, and generalise worse from few rows (measured: R² 0.972 with the skip, 0.951 without).
        var train = LinearTarget(150, seed: 1);
        var test = LinearTarget(1000, seed: 2);
        var options = Quick.Options(MlpTask.Regression);
        options.NumberOfEpochs = 100;

        double plain = ModelMetrics.RSquared(Quick.Fit(options, train), test);
        options.LinearSkip = true;
        var model = Quick.Fit(options, train);
        double withSkip = ModelMetrics.RSquared(model, test);

        Assert.IsGreaterThan(0.96, withSkip, $"R² {withSkip} with the skip, {plain} without");
        Assert.IsGreaterThan(plain + 0.015, withSkip, $"R² {withSkip} with the skip, {plain} without");
        Assert.IsTrue(model.Architecture.LinearSkip);
    }

    [TestMethod]
    public void Fit_WithTheSkip_AveragingAndTheBestEpoch_KeepsTheValidatedSkipWeights()
    {
        // The recorded validation R² of the kept epoch is the kept model's on the validation rows: the skip's weights were
        // averaged and captured with the others (a skip left out would hold the last step's raw weights).
        var train = LinearTarget(200, seed: 3);
        var validation = LinearTarget(80, seed: 4);
        var options = Quick.Options(MlpTask.Regression);
        options.LinearSkip = true;
        options.WeightAveragingEpochs = 1f;
        options.KeepBestEpoch = true;
        options.NumberOfEpochs = 12;

        var model = Quick.Fit(options, train, validation);

        Assert.IsTrue(model.GetTensor("skip.weight").ToArray().Any(w => w != 0f));
        Assert.AreEqual(ModelMetrics.RSquared(model, validation), model.History.Epochs[model.History.BestEpoch - 1].ValidationMetric!.Value, 1e-5);
    }

    [TestMethod]
    public void LinearSkipFor_NullIsTheDenseDefault_AndNeverForSparseRows()
    {
        var options = new MlpTrainerOptions();

        Assert.AreEqual(MlpTrainerOptions.DefaultLinearSkip, options.LinearSkipFor(sparse: false));
        Assert.IsFalse(options.LinearSkipFor(sparse: true));
        options.LinearSkip = true;
        Assert.IsTrue(options.LinearSkipFor(sparse: false));
        options.LinearSkip = false;
        Assert.IsFalse(options.LinearSkipFor(sparse: false));
    }

    [TestMethod]
    public void Fit_WarmStartFromASkipModel_KeepsTheSkip()
    {
        var train = LinearTarget(100, seed: 5);
        var options = Quick.Options(MlpTask.Regression);
        options.LinearSkip = true;
        options.NumberOfEpochs = 3;
        var first = Quick.Fit(options, train);

        options.LinearSkip = false;
        var continued = Quick.Fit(options, train, initialModel: first);

        Assert.IsTrue(continued.Architecture.LinearSkip, "a warm start keeps the initial model's architecture");
        Assert.IsTrue(ModelAssert.AnyTensorDiffers(first, continued));
    }

    /// <summary>t = Σ wᵢxᵢ + 0.1·noise with fixed weights w in [−1, 1] and x ~ N(0, 1) in <see cref="Features"/> dimensions.</summary>
    private static Dataset LinearTarget(int count, int seed)
    {
        float[] w = RandomValues.Uniform(Features, seed: 99);
        var rng = new Rng(seed);
        var x = new float[count * Features];
        var t = new float[count];
        for (int row = 0; row < count; row++)
        {
            double sum = 0;
            for (int i = 0; i < Features; i++)
            {
                x[(row * Features) + i] = rng.NextNormal();
                sum += w[i] * x[(row * Features) + i];
            }

            t[row] = (float)sum + (0.1f * rng.NextNormal());
        }

        return new Dataset(x, Features, t);
    }
}
