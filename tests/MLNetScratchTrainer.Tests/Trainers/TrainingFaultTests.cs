using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Persistence;
using MLNetScratchTrainer.Tests.Data;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>
/// Faults while an ML.NET pipeline trains the Mlp: a label whose type differs in the validation data, a data view whose
/// cursor fails half-way, a log listener (the plugin's progress channel) that throws. Each ends in a clear exception, and
/// a train-then-save flow writes no model file.
/// </summary>
[TestClass]
public sealed class TrainingFaultTests
{
    [TestMethod]
    public void ValidationLabelOfAnotherType_ThrowsNamingTheColumnAndBothTypes()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(InMemoryRows.Single(40, binary: true));
        var validation = ml.Data.LoadFromEnumerable(InMemoryRows.Booleans(20));

        var exception = Assert.ThrowsExactly<ArgumentException>(() => ml.BinaryClassification.Trainers.Mlp(FastOptions.Create()).Fit(train, validation));

        Assert.Contains("Label column 'Label' has type Boolean in the validation data but Single in the training data", exception.Message);
    }

    [TestMethod]
    public void CursorFailingHalfway_ThrowsTheDataSourcesErrorAndNoModelIsSaved()
    {
        var ml = new MLContext(seed: 1);
        var data = new FailingDataView(ml.Data.LoadFromEnumerable(InMemoryRows.Keys(60)), failAfterRows: 30);
        using var directory = new TemporaryDirectory();

        var exception = Assert.Throws<Exception>(() => TrainAndSave(ml, data, directory.File("model.zip")));

        Assert.AreEqual(FailingDataView.Message, exception.GetBaseException().Message);
        Assert.IsEmpty(Directory.GetFiles(directory.Path));
    }

    [TestMethod]
    public void LogListenerThatThrows_EndsTrainingWithItsExceptionAndNoModelIsSaved()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(InMemoryRows.Keys(60));
        ml.Log += (sender, message) =>
        {
            if (message.Message.Contains("Mlp epoch 2/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the progress display broke");
            }
        };
        using var directory = new TemporaryDirectory();

        var exception = Assert.Throws<Exception>(() => TrainAndSave(ml, data, directory.File("model.zip")));

        Assert.AreEqual("the progress display broke", exception.GetBaseException().Message);
        Assert.IsEmpty(Directory.GetFiles(directory.Path));
    }

    private static void TrainAndSave(MLContext ml, IDataView data, string path)
    {
        var model = ml.MulticlassClassification.Trainers.Mlp(FastOptions.Create()).Fit(data);
        ml.Model.SaveAtomically(model, data.Schema, path);
    }

    /// <summary>A data view whose cursors throw <see cref="IOException"/> after a number of rows, like a file on a dropped network share.</summary>
    private sealed class FailingDataView(IDataView inner, int failAfterRows) : IDataView
    {
        public const string Message = "the network share went away";

        public bool CanShuffle => false;

        public DataViewSchema Schema => inner.Schema;

        public long? GetRowCount() => null;

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
            => new Cursor(inner.GetRowCursor(columnsNeeded), failAfterRows);

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
            => [GetRowCursor(columnsNeeded)];

        private sealed class Cursor(DataViewRowCursor inner, int failAfterRows) : DataViewRowCursor
        {
            public override DataViewSchema Schema => inner.Schema;

            public override long Position => inner.Position;

            public override long Batch => inner.Batch;

            public override bool MoveNext() => inner.Position + 1 >= failAfterRows ? throw new IOException(Message) : inner.MoveNext();

            public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => inner.GetGetter<TValue>(column);

            public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

            public override bool IsColumnActive(DataViewSchema.Column column) => inner.IsColumnActive(column);

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
