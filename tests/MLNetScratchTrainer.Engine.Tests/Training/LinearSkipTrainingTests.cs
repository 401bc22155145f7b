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
    [DataRow(MlpTask.Regression, 100)]
    [DataRow(MlpTask.BinaryClassification, 5)]
    public void Fit_ALinearTargetOfManyFeatures_IsLearnedBetterWithTheSkip(MlpTask task, int epochs)
    {
        // t = x·w + noise in 20 dimensions from 150 rows: the skip is the exact model class; 16 ReLU units must build each
        // direction out of kinks, and generalise worse from few rows. Both tasks start the skip at the ridge fit. The
        // binary rows are separable, and after 100 epochs both networks separate them alike: the skip's gain there is speed.
        var train = LinearTarget(150, seed: 1, task);
        var test = LinearTarget(1000, seed: 2, task);
        var options = Quick.Options(task);
        options.NumberOfEpochs = epochs;
        double Score(MlpModel model) => task == MlpTask.Regression ? ModelMetrics.RSquared(model, test) : ModelMetrics.Accuracy(model, test);

        double plain = Score(Quick.Fit(options, train));
        options.LinearSkip = true;
        var model = Quick.Fit(options, train);
        double withSkip = Score(model);

        Assert.IsTrue(model.Architecture.LinearSkip);
        Assert.IsGreaterThan(plain + 0.015, withSkip, $"{withSkip} with the skip, {plain} without");
    }

    [TestMethod]
    public void Fit_WithTheSkip_AveragingAndTheBestEpoch_KeepsTheValidatedSkipWeights()
    {
        // The recorded validation R² of the kept epoch is the kept model's on the validation rows: the skip's weights were
        // averaged and captured with the others (a skip left out would hold the last step's raw weights).
        var train = LinearTarget(200, seed: 3, MlpTask.Regression);
        var validation = LinearTarget(80, seed: 4, MlpTask.Regression);
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
    public void Fit_StreamedRowsWithTheSkip_StartsItFromTheSampleAndLearns()
    {
        var train = LinearTarget(400, seed: 5, MlpTask.Regression);
        var options = Quick.Options(MlpTask.Regression);
        options.LinearSkip = true;
        options.NumberOfEpochs = 2;

        var model = new MlpTrainer(options).Fit(new ArrayRowSource(train.Features, Features, train.Labels));

        Assert.IsGreaterThan(0.99, ModelMetrics.RSquared(model, LinearTarget(500, seed: 6, MlpTask.Regression)), "two epochs from the ridge start");
    }

    [TestMethod]
    public void Fit_WarmStartFromASkipModel_KeepsTheSkip()
    {
        var train = LinearTarget(100, seed: 7, MlpTask.Regression);
        var options = Quick.Options(MlpTask.Regression);
        options.LinearSkip = true;
        options.NumberOfEpochs = 3;
        var first = Quick.Fit(options, train);

        options.LinearSkip = false;
        var continued = Quick.Fit(options, train, initialModel: first);

        Assert.IsTrue(continued.Architecture.LinearSkip, "a warm start keeps the initial model's architecture");
        Assert.IsTrue(ModelAssert.AnyTensorDiffers(first, continued));
    }

    /// <summary>
    /// t = Σ wᵢxᵢ + 0.1·noise with fixed weights w in [−1, 1] and x ~ N(0, 1) in <see cref="Features"/> dimensions; for
    /// binary classification the label is whether t is above 0.
    /// </summary>
    internal static Dataset LinearTarget(int count, int seed, MlpTask task)
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

            float value = (float)sum + (0.1f * rng.NextNormal());
            t[row] = task == MlpTask.Regression ? value : value > 0 ? 1 : 0;
        }

        return new Dataset(x, Features, t);
    }
}
