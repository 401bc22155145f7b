using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Streaming;

[TestClass]
public sealed class StreamingTrainingTests
{
    private static readonly Dataset Train = SyntheticData.Blobs(150, 4, 8, seed: 1, separation: 2.5f);
    private static readonly Dataset Test = SyntheticData.Blobs(100, 4, 8, seed: 2, separation: 2.5f);

    [TestMethod]
    public void StreamedBlobs_LearnAsWellAsInMemory_ThroughABufferSmallerThanTheData()
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.ShuffleBufferRows = 64;
        var source = new DatasetRowSource(Train);

        var streamed = new MlpTrainer(options).Fit(source);
        var inMemory = Quick.Fit(options, Train);

        double streamedAccuracy = ModelMetrics.Accuracy(streamed, Test), inMemoryAccuracy = ModelMetrics.Accuracy(inMemory, Test);
        Assert.IsGreaterThan(0.85, streamedAccuracy);
        Assert.AreEqual(inMemoryAccuracy, streamedAccuracy, 0.03);
        Assert.AreEqual(1 + options.NumberOfEpochs, source.PassesOpened, "one pass to look at the data, then one per epoch");
    }

    [TestMethod]
    public void StreamedRegression_ScalesInputsAndTargetsFromTheSample_AndLearns()
    {
        var data = SyntheticData.LinearRegression(800, seed: 3);
        var test = SyntheticData.LinearRegression(300, seed: 4);
        var options = Quick.Options(MlpTask.Regression);
        options.InputScaling = InputScaling.Robust;
        options.StandardizeRegressionTargets = true;

        var model = new MlpTrainer(options).Fit(new DatasetRowSource(data));

        Assert.IsNotNull(model.Preprocessor);
        Assert.IsNotNull(model.TargetScaling);
        Assert.AreEqual(300, model.TargetScaling.Mean[0], 15, "the sampled targets' mean is near the true 300");
        Assert.IsGreaterThan(0.95, ModelMetrics.RSquared(model, test));
    }

    [TestMethod]
    public void SameSeed_BitIdentical_WhateverTheThreads_OtherSeedDiffers()
    {
        var data = SyntheticData.Blobs(64, 4, 20, seed: 1);
        var first = new MlpTrainer(DeterministicOptions(threads: 1, seed: 7)).Fit(new DatasetRowSource(data));

        ModelAssert.BitIdentical(first, new MlpTrainer(DeterministicOptions(threads: 2, seed: 7)).Fit(new DatasetRowSource(data)));
        ModelAssert.BitIdentical(first, new MlpTrainer(DeterministicOptions(threads: 1, seed: 7)).Fit(new DatasetRowSource(data)));
        Assert.IsTrue(ModelAssert.AnyTensorDiffers(first, new MlpTrainer(DeterministicOptions(threads: 1, seed: 8)).Fit(new DatasetRowSource(data))));
    }

    [TestMethod]
    public void HeldOutRows_Validate_AndEarlyStoppingKeepsTheBestEpoch()
    {
        // As in EarlyStoppingTests: overlapping blobs memorised by a large network, so validation soon gets worse.
        var data = SyntheticData.Blobs(40, 2, 2, seed: 1, separation: 1f);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.HiddenLayers = [64, 64];
        options.NumberOfEpochs = 300;
        options.ValidationFraction = 0.5f;
        options.EarlyStoppingPatience = 2;

        var history = new MlpTrainer(options).Fit(new DatasetRowSource(data)).History;

        Assert.AreEqual(StopReason.EarlyStopped, history.StopReason);
        Assert.HasCount(history.BestEpoch + 2, history.Epochs);
        Assert.IsTrue(history.Epochs.All(epoch => epoch.ValidationLoss is not null && epoch.ValidationMetric is not null));
        var expected = history.Epochs.OrderByDescending(e => e.ValidationMetric).ThenBy(e => e.ValidationLoss).First();
        Assert.AreEqual(expected.Epoch, history.BestEpoch);
    }

    [TestMethod]
    public void HeldOutRows_AreNotTrainedOn()
    {
        // 1,000 rows less about 20 % held out.
        var history = new MlpTrainer(OneRowBatches(out var rows)).Fit(new DatasetRowSource(SyntheticData.Blobs(500, 2, 2, seed: 5))).History;

        Assert.AreEqual(800, rows(), 40, "Binomial(1000, 0.2) held out: standard deviation 12.6");
        Assert.IsNotNull(history.Epochs[0].ValidationLoss);
    }

    [TestMethod]
    public void AGivenValidationSet_IsUsed_AndNothingIsHeldOut()
    {
        var history = new MlpTrainer(OneRowBatches(out var rows)).Fit(new DatasetRowSource(Train), Test).History;

        Assert.AreEqual(Train.Count, rows());
        Assert.IsGreaterThan(0.5, history.Epochs[0].ValidationMetric!.Value);
    }

    [TestMethod]
    public void BadRows_GetTheInMemoryErrors()
    {
        float[] features = [.. Enumerable.Range(0, 20).Select(i => (float)i)];
        float[] labels = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
        var options = Quick.Options(MlpTask.BinaryClassification);

        AssertSameError(options, features, Replace(labels, 5, float.NaN), "The label at row 5 is NaN");
        AssertSameError(options, Replace(features, 7, float.PositiveInfinity), labels, "The feature at row 3, column 1 is Infinity");
        AssertSameError(options, features, Replace(labels, 2, 0.5f + 1f), "The label of row 2 is 1.5; expected 0 or 1");
        options.RejectMissingFeatures = true;
        AssertSameError(options, Replace(features, 9, float.NaN), labels, "missing value (NaN) at row 4, feature 1, and RejectMissingFeatures is set");
    }

    [TestMethod]
    public void NegativeWeight_NamesTheRow()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MlpTrainer(Quick.Options(MlpTask.BinaryClassification))
            .Fit(new ArrayRowSource([1, 2, 3, 4], 1, [0, 1, 0, 1], [1, 1, -2, 1])));

        StringAssert.StartsWith(error.Message, "Weight of row 2 is -2; weights must be zero or positive.");
    }

    [TestMethod]
    public void OneClassOnly_Refused()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MlpTrainer(Quick.Options(MlpTask.MulticlassClassification)).Fit(new ArrayRowSource([1, 2, 3], 1, [2, 2, 2])));

        StringAssert.Contains(error.Message, "Every training label is 2: multiclass classification needs examples of at least two classes");
    }

    [TestMethod]
    public void ASourceThatShrinksAfterTheFirstPass_IsRefused()
    {
        var source = new ArrayRowSource([.. Enumerable.Range(0, 100).Select(i => (float)i)], 1, [.. Enumerable.Range(0, 100).Select(i => (float)(i % 2))]) { LaterPassRows = 90 };

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => new MlpTrainer(Quick.Options(MlpTask.BinaryClassification)).Fit(source));

        StringAssert.Contains(error.Message, "yielded 90 training rows in this pass but 100 in the first");
    }

    /// <summary>The streamed rows fail with the message (up to the parameter name) of the in-memory data set or trainer.</summary>
    private static void AssertSameError(MlpTrainerOptions options, float[] features, float[] labels, string expected)
    {
        var inMemory = Assert.ThrowsExactly<ArgumentException>(() => new MlpTrainer(options).Fit(new Dataset(features, 2, labels)));
        var streamed = Assert.ThrowsExactly<ArgumentException>(() => new MlpTrainer(options).Fit(new ArrayRowSource(features, 2, labels)));

        StringAssert.Contains(streamed.Message, expected);
        Assert.AreEqual(WithoutParameter(inMemory.Message), WithoutParameter(streamed.Message));
    }

    private static string WithoutParameter(string message) => message.Split(" (Parameter")[0];

    private static float[] Replace(float[] values, int index, float value)
    {
        var copy = (float[])values.Clone();
        copy[index] = value;
        return copy;
    }

    private static MlpTrainerOptions DeterministicOptions(int threads, int seed)
    {
        var options = Engine.Tests.Training.DeterminismTests.Options(threads, seed);
        options.ShuffleBufferRows = 100;
        options.InputScaling = InputScaling.Robust;
        return options;
    }

    /// <summary>One epoch of batches of one row, 20 % held out; <paramref name="rows"/> then tells the batches of the epoch, its training rows.</summary>
    private static MlpTrainerOptions OneRowBatches(out Func<int> rows)
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.BatchSize = 1;
        options.NumberOfEpochs = 1;
        options.ValidationFraction = 0.2f;
        int batches = 0;
        options.BatchCompleted = (_, _, count) => batches = count;
        rows = () => batches;
        return options;
    }
}
