using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;
using MLNetScratchTrainer.Tests.Data;
using MLNetScratchTrainer.Tests.Support;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>
/// <see cref="MlpTrainerOptions.DataLoading"/> = Streaming: rows read through a cursor once per epoch and shuffled through a
/// bounded buffer, on data small enough to compare with the in-memory path.
/// </summary>
[TestClass]
public sealed class StreamingTests
{
    private readonly MLContext _ml = new(seed: 1);

    [TestMethod]
    public void StreamedIris_ReadsOnePassPerEpoch_AndIsAsAccurateAsInMemory()
    {
        var data = TestPipelines.Load(_ml, MlpTask.MulticlassClassification);
        var split = data.Split(_ml);
        var prepare = TestPipelines.Prepare(_ml, MlpTask.MulticlassClassification, data).Fit(split.TrainSet);
        var train = new CountingDataView(prepare.Transform(split.TrainSet));
        var test = prepare.Transform(split.TestSet);
        var options = TestPipelines.Options();
        options.ShuffleBufferRows = 32;

        options.DataLoading = DataLoading.Streaming;
        var streamed = _ml.MulticlassClassification.Trainers.Mlp(options).Fit(train);
        int streamedCursors = train.Cursors;
        options.DataLoading = DataLoading.InMemory;
        var inMemory = _ml.MulticlassClassification.Trainers.Mlp(options).Fit(train);

        Assert.AreEqual(1 + options.NumberOfEpochs, streamedCursors, "a first pass, then one per epoch");
        double streamedAccuracy = _ml.MulticlassClassification.Evaluate(streamed.Transform(test)).MicroAccuracy;
        double inMemoryAccuracy = _ml.MulticlassClassification.Evaluate(inMemory.Transform(test)).MicroAccuracy;
        Assert.IsGreaterThanOrEqualTo(0.9, streamedAccuracy);
        Assert.AreEqual(inMemoryAccuracy, streamedAccuracy, 0.05);
    }

    [TestMethod]
    public void StreamedTraining_IsDeterministicForASeed()
    {
        var data = _ml.Data.LoadFromEnumerable(InMemoryRows.Single(200));
        var options = Streaming(FastOptions.Create());
        options.ShuffleBufferRows = 50;

        float[] first = Scores(_ml.Regression.Trainers.Mlp(options).Fit(data).Transform(data));
        float[] second = Scores(_ml.Regression.Trainers.Mlp(options).Fit(data).Transform(data));

        CollectionAssert.AreEqual(first, second);
    }

    [TestMethod]
    public void HeldOutRows_Validate_AndEarlyStoppingStops()
    {
        var data = _ml.Data.LoadFromEnumerable(InMemoryRows.Keys(300));
        var options = Streaming(FastOptions.Create(epochs: 400));
        options.ValidationFraction = 0.3f;
        options.EarlyStoppingPatience = 3;

        var history = _ml.MulticlassClassification.Trainers.Mlp(options).Fit(data).History;

        Assert.AreEqual(StopReason.EarlyStopped, history.StopReason);
        Assert.HasCount(history.BestEpoch + 3, history.Epochs);
        Assert.IsTrue(history.Epochs.All(epoch => epoch.ValidationMetric is not null));
    }

    [TestMethod]
    public void AValidationDataView_IsMeasuredEveryEpoch()
    {
        var options = Streaming(FastOptions.Create(epochs: 5));

        var history = _ml.MulticlassClassification.Trainers.Mlp(options)
            .Fit(_ml.Data.LoadFromEnumerable(InMemoryRows.Keys(200)), _ml.Data.LoadFromEnumerable(InMemoryRows.Keys(60)))
            .History;

        Assert.HasCount(5, history.Epochs);
        Assert.IsTrue(history.Epochs.All(epoch => epoch.ValidationMetric is not null));
    }

    [TestMethod]
    public void BadRows_GetTheSameErrorsAsInMemory()
    {
        var nanLabel = InMemoryRows.Single(20);
        nanLabel[9].Label = float.NaN;
        var infiniteFeature = InMemoryRows.Single(20);
        infiniteFeature[3].Features[0] = float.PositiveInfinity;

        foreach (var (rows, expected) in new[]
        {
            (nanLabel, "Row 9 of the training data: label column 'Label' holds a missing or invalid value"),
            (infiniteFeature, "Row 3 of the training data: slot 0 of feature column 'Features' is Infinity"),
        })
        {
            var streamed = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(Streaming(FastOptions.Create())).Fit(_ml.Data.LoadFromEnumerable(rows)));
            var inMemory = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(FastOptions.Create()).Fit(_ml.Data.LoadFromEnumerable(rows)));

            StringAssert.Contains(streamed.Message, expected);
            Assert.AreEqual(inMemory.Message, streamed.Message);
        }
    }

    [TestMethod]
    public void DropInvalidRows_SkipsThemAndLogsTheCount()
    {
        var rows = InMemoryRows.Single(20);
        rows[1].Features[0] = float.PositiveInfinity;
        rows[9].Label = float.NaN;
        var log = new List<string>();
        _ml.Log += (_, e) => log.Add(e.Message);
        var options = Streaming(FastOptions.Create());
        options.DropInvalidRows = true;

        _ml.Regression.Trainers.Mlp(options).Fit(_ml.Data.LoadFromEnumerable(rows));

        Assert.IsTrue(log.Any(message => message.Contains("Skipped 2 of the 20 rows of the training data", StringComparison.Ordinal)), string.Join(Environment.NewLine, log));
        Assert.IsTrue(log.Any(message => message.Contains("training rows streamed from the data view", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AnEmptyDataView_IsRefusedAsInMemory()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(Streaming(FastOptions.Create())).Fit(_ml.Data.LoadFromEnumerable(Array.Empty<SingleLabelRow>())));

        Assert.AreEqual("The training data has no rows.", error.Message);
    }

    [TestMethod]
    public void StreamingASparseColumn_IsRefusedWithTheReason()
    {
        var rows = Enumerable.Range(0, 4).Select(i => new WideRow { Features = new float[10_000], Label = i % 2 }).ToArray();

        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Regression.Trainers.Mlp(Streaming(FastOptions.Create())).Fit(_ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "feature column 'Features' has 10000 slots and is read as sparse rows");
    }

    private static MlpOptions Streaming(MlpOptions options)
    {
        options.DataLoading = DataLoading.Streaming;
        return options;
    }

    private static float[] Scores(IDataView scored) => [.. scored.GetColumn<float>("Score")];

    /// <summary>A row with a feature vector wide enough to be read as sparse rows.</summary>
    private sealed class WideRow
    {
        [VectorType(10_000)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
