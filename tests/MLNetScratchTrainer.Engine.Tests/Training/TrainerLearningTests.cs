using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

/// <summary>The trainer learns problems whose answers are known, on held-out data.</summary>
[TestClass]
public sealed class TrainerLearningTests
{
    [TestMethod]
    public void Fit_ThreeGaussianBlobs_LossFallsAndTestAccuracyIsHigh()
    {
        // Centres 4 apart along different axes: the Bayes error is about 0.5%.
        var train = SyntheticData.Blobs(100, 3, 4, seed: 1);
        var test = SyntheticData.Blobs(100, 3, 4, seed: 2);

        var model = Quick.Fit(Quick.Options(MlpTask.MulticlassClassification), train, validation: test);

        var epochs = model.History.Epochs;
        Assert.HasCount(30, epochs);
        Assert.IsLessThan(epochs[0].TrainLoss / 3, epochs[^1].TrainLoss, "training loss falls");
        Assert.IsGreaterThan(0.95, ModelMetrics.Accuracy(model, test));
        Assert.AreEqual("accuracy", model.History.MetricName);
        Assert.AreEqual(ModelMetrics.Accuracy(model, test), epochs[^1].ValidationMetric!.Value, 1e-12, "the recorded metric is the test accuracy");
        Assert.AreEqual(3, model.OutputSize, "class count inferred from the labels");
    }

    [TestMethod]
    public void Fit_Iris_ReachesHighTestAccuracy()
    {
        var data = CsvDatasetReader.ReadLabelLast(RepositoryFiles.Find("datasets/iris.csv"));
        var (train, test) = DatasetSplit.TrainTestSplit(data, 0.3, seed: 1);
        var standardizer = Standardizer.Fit(train);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.BatchSize = 16;
        options.NumberOfEpochs = 60;

        var model = Quick.Fit(options, standardizer.Transform(train));

        // Iris is nearly separable; a small MLP scores 93–100% on any 30% split.
        Assert.IsGreaterThanOrEqualTo(0.9, ModelMetrics.Accuracy(model, standardizer.Transform(test)));
    }

    [TestMethod]
    public void Fit_BinaryBlobs_ReachesHighTestAccuracy()
    {
        var options = Quick.Options(MlpTask.BinaryClassification);

        var model = Quick.Fit(options, SyntheticData.Blobs(150, 2, 3, seed: 3));

        Assert.AreEqual(1, model.OutputSize);
        Assert.IsGreaterThan(0.95, ModelMetrics.Accuracy(model, SyntheticData.Blobs(150, 2, 3, seed: 4)));
    }

    [TestMethod]
    public void Fit_RegressionInTheHundreds_StandardizesTargetsAndReachesHighRSquared()
    {
        // t = 300 + 100·(2x₀ − x₁ + 0.5x₂) + N(0, 10): standard deviation about 230, best R² about 0.998.
        var train = SyntheticData.LinearRegression(400, seed: 5);
        var options = Quick.Options(MlpTask.Regression);
        options.NumberOfEpochs = 60;

        var model = Quick.Fit(options, train);

        Assert.IsNotNull(model.TargetScaling);
        Assert.AreEqual(train.Labels.Average(), model.TargetScaling.Mean[0], 1e-3);
        Assert.AreEqual(230, model.TargetScaling.Scale[0], 30);
        Assert.IsGreaterThan(0.97, ModelMetrics.RSquared(model, SyntheticData.LinearRegression(200, seed: 6)));
    }
}
