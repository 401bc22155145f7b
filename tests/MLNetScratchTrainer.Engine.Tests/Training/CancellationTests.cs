using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class CancellationTests
{
    [TestMethod]
    public void Fit_CancelledAfterEpochTwo_ReturnsEpochTwosWeights()
    {
        var data = SyntheticData.Blobs(50, 3, 4, seed: 1);
        using var cancellation = new CancellationTokenSource();
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.EpochCompleted = record =>
        {
            if (record.Epoch == 2)
            {
                cancellation.Cancel();
            }
        };

        var cancelled = new MlpTrainer(options).Fit(data, cancellationToken: cancellation.Token);

        Assert.AreEqual(StopReason.Cancelled, cancelled.History.StopReason);
        Assert.HasCount(2, cancelled.History.Epochs);
        Assert.AreEqual(2, cancelled.History.BestEpoch);
        var twoEpochs = Quick.Options(MlpTask.MulticlassClassification);
        twoEpochs.NumberOfEpochs = 2;
        ModelAssert.BitIdentical(Quick.Fit(twoEpochs, data), cancelled);
    }

    [TestMethod]
    public void Fit_CancelledBeforeTheFirstEpoch_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(
            () => new MlpTrainer(Quick.Options(MlpTask.MulticlassClassification)).Fit(SyntheticData.Blobs(10, 2, 2, seed: 2), cancellationToken: cancellation.Token));
    }
}
