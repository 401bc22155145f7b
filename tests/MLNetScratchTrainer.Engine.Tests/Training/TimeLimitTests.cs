using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class TimeLimitTests
{
    [TestMethod]
    public void Fit_PastMaximumTrainingTime_EndsTheEpochAndKeepsTheBestWeightsSoFar()
    {
        // A limit far shorter than one epoch of a thousand one-row batches: the first epoch ends at the limit.
        var data = SyntheticData.Blobs(500, 2, 4, seed: 8);
        var validation = SyntheticData.Blobs(50, 2, 4, seed: 9);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.BatchSize = 1;
        options.NumberOfEpochs = 1000;
        options.MaximumTrainingTime = TimeSpan.FromTicks(1);
        int batches = 0;
        options.BatchCompleted = (_, _, _) => batches++;

        var model = Quick.Fit(options, data, validation);

        Assert.AreEqual(StopReason.TimeLimit, model.History.StopReason);
        Assert.HasCount(1, model.History.Epochs);
        Assert.IsLessThan(data.Count, batches, "the epoch ended early");
        Assert.AreEqual(1, model.History.BestEpoch);
        Assert.IsNotNull(model.History.Epochs[0].ValidationLoss, "the cut epoch is validated like any other");
    }

    [TestMethod]
    public void Fit_TimeLimitWithValidation_ReturnsTheBestEpochNotTheLast()
    {
        // Overfitting data (as in the early-stopping test) trained for a few epochs under a generous limit keeps the
        // best epoch (highest validation accuracy, then lowest loss), as KeepBestEpoch promises, whether training ends
        // by time or by epochs.
        var train = SyntheticData.Blobs(10, 2, 2, seed: 1, separation: 1f);
        var validation = SyntheticData.Blobs(100, 2, 2, seed: 2, separation: 1f);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.HiddenLayers = [64, 64];
        options.NumberOfEpochs = 60;
        options.KeepBestEpoch = true;
        options.MaximumTrainingTime = TimeSpan.FromHours(1);

        var model = Quick.Fit(options, train, validation);

        var history = model.History;
        Assert.AreEqual(StopReason.Completed, history.StopReason);
        var best = history.Epochs.OrderByDescending(e => e.ValidationMetric).ThenBy(e => e.ValidationLoss).First();
        Assert.AreEqual(best.Epoch, history.BestEpoch);
        Assert.AreNotEqual(history.Epochs[^1].Epoch, history.BestEpoch, "this run overfits, so the best epoch is not the last");
    }

    [TestMethod]
    public void Options_NonPositiveTimeLimit_IsRefused()
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.MaximumTrainingTime = TimeSpan.Zero;

        var exception = Assert.ThrowsExactly<ArgumentException>(() => new MlpTrainer(options));

        Assert.Contains("MaximumTrainingTime", exception.Message);
    }
}
