using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

/// <summary>Faults during training end in the documented partial result or in the caller's own exception, never half a model.</summary>
[TestClass]
public sealed class TrainingFaultTests
{
    private static readonly Dataset Data = SyntheticData.Blobs(50, 3, 4, seed: 1);

    [TestMethod]
    public void Fit_CancelledInTheMiddleOfAnEpoch_ReturnsTheLastCompletedEpochsWeights()
    {
        using var cancellation = new CancellationTokenSource();
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.BatchCompleted = (epoch, batch, batches) =>
        {
            Assert.IsGreaterThan(2, batches, "the epoch must have batches left after the cancellation");
            if (epoch == 3 && batch == 2)
            {
                cancellation.Cancel();
            }
        };

        var cancelled = new MlpTrainer(options).Fit(Data, cancellationToken: cancellation.Token);

        Assert.AreEqual(StopReason.Cancelled, cancelled.History.StopReason);
        Assert.HasCount(2, cancelled.History.Epochs);
        var twoEpochs = Quick.Options(MlpTask.MulticlassClassification);
        twoEpochs.NumberOfEpochs = 2;
        ModelAssert.BitIdentical(Quick.Fit(twoEpochs, Data), cancelled);
    }

    [TestMethod]
    public void Fit_EpochCallbackThrows_PropagatesTheCallersExceptionUnwrapped()
    {
        var failure = new InvalidOperationException("progress display failed");
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.EpochCompleted = record => throw failure;

        var thrown = Assert.ThrowsExactly<InvalidOperationException>(() => new MlpTrainer(options).Fit(Data));

        Assert.AreSame(failure, thrown);
    }

    [TestMethod]
    public void Fit_BatchCallbackThrows_PropagatesTheCallersExceptionUnwrapped()
    {
        var failure = new IOException("log file full");
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.BatchCompleted = (epoch, batch, batches) =>
        {
            if (epoch == 2)
            {
                throw failure;
            }
        };

        Assert.AreSame(failure, Assert.ThrowsExactly<IOException>(() => new MlpTrainer(options).Fit(Data)));
    }

    [TestMethod]
    public void Fit_ValidationLabelsOfAnotherShape_ThrowsNamingBoth()
    {
        // The engine's counterpart of a label that changes type: regression targets of width 2 against width 1.
        var options = Quick.Options(MlpTask.Regression);
        var train = SyntheticData.LinearRegression(40, seed: 2);
        var validation = new Dataset(train.Features[..(10 * train.FeatureCount)], train.FeatureCount, new float[20], labelWidth: 2);

        var exception = Assert.ThrowsExactly<ArgumentException>(() => new MlpTrainer(options).Fit(train, validation));

        Assert.Contains("validation data has 2 label values per row but Regression with this network needs 1", exception.Message);
    }
}
