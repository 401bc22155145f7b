using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Trainers;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>
/// The check of each row read for training names the first bad slot of a wide row wherever it lies: in the part scanned
/// a vector at a time or in the tail checked value by value.
/// </summary>
[TestClass]
public sealed class RowProblemsTests
{
    private const int Width = 37;    // whole vectors of 4, 8 or 16 floats and a tail at every vector width

    private static readonly TrainingColumns Columns = CreateColumns();

    [TestMethod]
    public void AFiniteRowHasNoProblem()
    {
        float[] row = Row();

        Assert.IsNull(RowProblems.Find(row, label: 1f, weight: 1f, Columns, "a value", rejectMissingFeatures: true));
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(5)]
    [DataRow(20)]
    [DataRow(Width - 1)]
    public void AnInfinityIsNamedByItsSlot(int slot)
    {
        float[] row = Row();
        row[slot] = float.NegativeInfinity;

        string? problem = RowProblems.Find(row, label: 1f, weight: 1f, Columns, "a value", rejectMissingFeatures: false);

        Assert.AreEqual($"slot {slot} of feature column 'Features' is -Infinity; every feature must be a finite number, or NaN for a missing value", problem);
    }

    [TestMethod]
    public void AMissingValueIsAllowedUnlessRejectedAndTheFirstBadSlotIsNamed()
    {
        float[] row = Row();
        row[9] = float.NaN;
        row[30] = float.PositiveInfinity;

        string? allowed = RowProblems.Find(row, label: 1f, weight: 1f, Columns, "a value", rejectMissingFeatures: false);
        string? rejected = RowProblems.Find(row, label: 1f, weight: 1f, Columns, "a value", rejectMissingFeatures: true);

        StringAssert.StartsWith(allowed, "slot 30 of feature column 'Features' is Infinity");
        StringAssert.StartsWith(rejected, "slot 9 of feature column 'Features' is NaN (missing)");
    }

    private static float[] Row() => [.. Enumerable.Range(0, Width).Select(i => (i * 0.5f) - 3f)];

    private static TrainingColumns CreateColumns()
    {
        var schema = new MLContext().Data.LoadFromEnumerable(new[] { new WideRow() }).Schema;
        return new TrainingColumns(schema[nameof(WideRow.Features)], schema[nameof(WideRow.Label)], Weight: null);
    }

    private sealed class WideRow
    {
        [VectorType(Width)]
        public float[] Features { get; set; } = new float[Width];

        public float Label { get; set; }
    }
}
