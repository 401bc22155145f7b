using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.Runtime;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// What is wrong with a row read from a data view, and the errors and warnings about it, shared by the in-memory
/// <see cref="DatasetReader"/> and the streaming <see cref="CursorRowSource"/> so that both say the same.
/// </summary>
internal static class RowProblems
{
    /// <summary>The first problem of a row (features, then label, then weight), or null when it is valid.</summary>
    /// <param name="row">The row's dense features (empty for a sparse row, checked elsewhere).</param>
    /// <param name="label">The label as the engine expects it, NaN when missing or invalid.</param>
    /// <param name="weight">The example weight (1 without a weight column).</param>
    /// <param name="columns">The columns, for their names.</param>
    /// <param name="labelRequirement">What a valid label is.</param>
    /// <param name="rejectMissingFeatures">Treat a missing feature (NaN) as invalid.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? Find(ReadOnlySpan<float> row, float label, float weight, TrainingColumns columns, string labelRequirement, bool rejectMissingFeatures)
    {
        for (int slot = AllFiniteUpTo(row); slot < row.Length; slot++)
        {
            if (float.IsInfinity(row[slot]))
            {
                return $"slot {slot} of feature column '{columns.Features.Name}' is {row[slot]}; every feature must be a finite number, or NaN for a missing value";
            }

            if (rejectMissingFeatures && float.IsNaN(row[slot]))
            {
                return $"slot {slot} of feature column '{columns.Features.Name}' is NaN (missing) and {nameof(MlpOptions.RejectMissingFeatures)} is set";
            }
        }

        if (float.IsNaN(label))
        {
            return $"label column '{columns.Label.Name}' holds a missing or invalid value; expected {labelRequirement}";
        }

        return weight >= 0f && float.IsFinite(weight)
            ? null
            : $"example weight column '{columns.Weight!.Value.Name}' holds {weight}; weights must be finite and not negative";
    }

    /// <summary>
    /// How many leading values of <paramref name="row"/> are known to be finite, a vector at a time (x − x is 0 for a finite
    /// x, NaN for an infinity or a NaN): the whole row for most rows, which then need no value-by-value check.
    /// </summary>
    private static int AllFiniteUpTo(ReadOnlySpan<float> row)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(row);
        int v = 0;
        while (v < vectors.Length && Vector.EqualsAll(vectors[v] - vectors[v], Vector<float>.Zero))
        {
            v++;
        }

        return v * Vector<float>.Count;
    }

    /// <summary>The error for an invalid row when invalid rows are not dropped.</summary>
    public static ArgumentException InvalidRow(long position, string dataName, string problem) => new(
        $"Row {position} of the {dataName}: {problem}. Clean or filter the data (for example with mlContext.Transforms.ReplaceMissingValues " +
        $"or mlContext.Data.FilterRowsByMissingValues), or set {nameof(MlpOptions)}.{nameof(MlpOptions.DropInvalidRows)} to skip such rows.");

    /// <summary>The error when no row is left: the data has none, or every one was invalid and dropped.</summary>
    public static ArgumentException NoRowLeft(long rows, string dataName) => new(rows == 0
        ? $"The {dataName} has no rows."
        : $"All {rows} rows of the {dataName} hold a missing or invalid value and were skipped; none is left to train on.");

    /// <summary>Logs how many rows were dropped, when any were.</summary>
    public static void ReportDropped(IChannel channel, long dropped, long rows, string dataName)
    {
        if (dropped > 0)
        {
            channel.Warning(MessageSensitivity.None, $"Skipped {dropped} of the {rows} rows of the {dataName}: they hold a missing or invalid value ({nameof(MlpOptions.DropInvalidRows)} is set).");
        }
    }
}
