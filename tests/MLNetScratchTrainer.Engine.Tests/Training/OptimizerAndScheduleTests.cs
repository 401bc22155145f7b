using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

/// <summary>Every optimizer and every learning-rate schedule, through the trainer.</summary>
[TestClass]
public sealed class OptimizerAndScheduleTests
{
    [TestMethod]
    [DataRow(OptimizerKind.Sgd, 0.1f)]
    [DataRow(OptimizerKind.Momentum, 0.02f)]
    [DataRow(OptimizerKind.Nesterov, 0.02f)]
    [DataRow(OptimizerKind.AdaGrad, 0.05f)]
    [DataRow(OptimizerKind.RmsProp, 0.005f)]
    [DataRow(OptimizerKind.Adam, 0.01f)]
    [DataRow(OptimizerKind.AdamW, 0.01f)]
    public void Fit_EveryOptimizer_LearnsTheBlobs(OptimizerKind optimizer, float learningRate)
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.Optimizer = optimizer;
        options.LearningRate = learningRate;

        var model = Quick.Fit(options, SyntheticData.Blobs(50, 3, 4, seed: 1));

        Assert.IsLessThan(model.History.Epochs[0].TrainLoss / 2, model.History.Epochs[^1].TrainLoss);
        Assert.IsGreaterThan(0.9, ModelMetrics.Accuracy(model, SyntheticData.Blobs(50, 3, 4, seed: 2)));
    }

    [TestMethod]
    [DataRow("constant")]
    [DataRow("step")]
    [DataRow("exponential")]
    [DataRow("cosine")]
    public void Fit_EverySchedule_SetsEachEpochsRateAndLearns(string kind)
    {
        var schedule = kind switch
        {
            "constant" => LearningRateSchedule.Constant(),
            "step" => LearningRateSchedule.Step(10, 0.5f),
            "exponential" => LearningRateSchedule.Exponential(0.95f),
            _ => LearningRateSchedule.Cosine(30, 1e-4f),
        };
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.LearningRateSchedule = schedule;

        var model = Quick.Fit(options, SyntheticData.Blobs(50, 3, 4, seed: 3));

        foreach (var epoch in model.History.Epochs)
        {
            Assert.AreEqual(schedule.RateAt(epoch.Epoch - 1, options.LearningRate), epoch.LearningRate, $"epoch {epoch.Epoch}");
        }

        Assert.IsLessThan(model.History.Epochs[0].TrainLoss / 2, model.History.Epochs[^1].TrainLoss);
    }
}
