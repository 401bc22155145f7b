using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Preprocessing;

/// <summary>
/// Fits an <see cref="InputPreprocessor"/> on training rows. The rule, per feature, over its non-missing training values:
/// <list type="bullet">
/// <item>fill = centre = the median (0 when every value is missing);</item>
/// <item>scale = 1 / (q₇₅ − q₂₅), the inverse interquartile range; when the quartiles coincide (a binary or mostly-constant
/// feature), 2 / (max − min), so the range maps to a width of 2; and 0 for a constant feature, which then carries nothing;</item>
/// <item>a missing-value indicator for every feature that is missing in at least one training row.</item>
/// </list>
/// Quantiles are read from at most <see cref="MaximumQuantileRows"/> evenly spaced rows, so fitting stays linear in
/// rows × features. With <see cref="InputScaling.None"/>, centre 0 and scale 1 leave the features as they are.
/// </summary>
public static class PreprocessorFitter
{
    /// <summary>Most rows whose values give a feature's quantiles.</summary>
    public const int MaximumQuantileRows = 20_000;

    /// <summary>Features whose sample columns are gathered in one pass over the sample rows (four cache lines of floats).</summary>
    private const int ColumnsTogether = 64;

    /// <summary>
    /// Fits on the rows <paramref name="rows"/> of the row-major <paramref name="features"/>; returns null when the
    /// preprocessor would change nothing (no scaling and no missing values).
    /// </summary>
    /// <param name="features">Row-major features, <paramref name="featureCount"/> per row; NaN marks a missing value.</param>
    /// <param name="featureCount">Features per row.</param>
    /// <param name="rows">The training rows; only these are read.</param>
    /// <param name="scaling">Robust scaling or none.</param>
    /// <param name="clipBound">The smooth-clipping bound with robust scaling, or null for none.</param>
    public static InputPreprocessor? Fit(ReadOnlySpan<float> features, int featureCount, ReadOnlySpan<int> rows, InputScaling scaling, float? clipBound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if (rows.IsEmpty)
        {
            throw new ArgumentException("The input preprocessor needs at least one training row.", nameof(rows));
        }

        var missing = new bool[featureCount];
        foreach (int row in rows)
        {
            var values = features.Slice(row * featureCount, featureCount);
            if (!VectorMath.ContainsNaN(values))
            {
                continue;
            }

            for (int j = 0; j < featureCount; j++)
            {
                missing[j] |= float.IsNaN(values[j]);
            }
        }

        return FitOnRows(features, featureCount, rows, missing, scaling, clipBound);
    }

    /// <summary>
    /// Fits on a sample of the training rows (all of whose rows are read) when the rows themselves are too many to keep,
    /// as in streaming training; which features get a missing-value indicator comes from every training row.
    /// </summary>
    /// <param name="sample">Row-major features of the sampled rows, <paramref name="featureCount"/> per row.</param>
    /// <param name="featureCount">Features per row.</param>
    /// <param name="missing">Per feature, whether it is missing (NaN) in at least one training row.</param>
    /// <param name="scaling">Robust scaling or none.</param>
    /// <param name="clipBound">The smooth-clipping bound with robust scaling, or null for none.</param>
    public static InputPreprocessor? FitOnSample(ReadOnlySpan<float> sample, int featureCount, bool[] missing, InputScaling scaling, float? clipBound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentNullException.ThrowIfNull(missing);
        if (sample.IsEmpty || missing.Length != featureCount)
        {
            throw new ArgumentException($"The input preprocessor needs at least one sampled row and one missing-value flag per feature ({featureCount}); got {sample.Length / featureCount} rows and {missing.Length} flags.");
        }

        int[] rows = [.. Enumerable.Range(0, sample.Length / featureCount)];
        return FitOnRows(sample, featureCount, rows, missing, scaling, clipBound);
    }

    private static InputPreprocessor? FitOnRows(ReadOnlySpan<float> features, int featureCount, ReadOnlySpan<int> rows, bool[] missing, InputScaling scaling, float? clipBound)
    {
        int[] indicators = [.. Enumerable.Range(0, featureCount).Where(j => missing[j])];
        if (scaling == InputScaling.None && indicators.Length == 0)
        {
            return null;
        }

        int sampleSize = Math.Min(rows.Length, MaximumQuantileRows);
        // The sample: evenly spaced training rows, read in the order they lie in memory (a feature's quantiles do not
        // depend on the order of its values).
        int[] sample = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++)
        {
            sample[i] = rows[(int)((long)i * rows.Length / sampleSize)];
        }

        Array.Sort(sample);
        var columns = new float[ColumnsTogether * sampleSize];
        var fill = new float[featureCount];
        var center = new float[featureCount];
        var scale = new float[featureCount];
        for (int first = 0; first < featureCount; first += ColumnsTogether)
        {
            int width = Math.Min(ColumnsTogether, featureCount - first);
            GatherColumns(features, featureCount, sample, first, width, columns);
            for (int c = 0; c < width; c++)
            {
                int j = first + c;
                var values = columns.AsSpan(c * sampleSize, sampleSize);
                values = missing[j] ? WithoutMissing(values) : values;
                if (values.IsEmpty)
                {
                    (center[j], scale[j]) = scaling == InputScaling.Robust ? (0f, 0f) : (0f, 1f);
                    continue;
                }

                var (lower, median, upper) = OrderStatistics.Quartiles(values);
                fill[j] = median;
                (center[j], scale[j]) = scaling == InputScaling.Robust ? (median, RobustScale(values, lower, upper)) : (0f, 1f);
            }
        }

        return new InputPreprocessor(fill, center, scale, scaling == InputScaling.Robust ? clipBound : null, indicators);
    }

    /// <summary>
    /// Copies features [<paramref name="first"/>, + <paramref name="width"/>) of the <paramref name="sample"/> rows into
    /// one column each of <paramref name="columns"/>. A row's values for the whole block lie in a few neighbouring cache
    /// lines, read once for the block rather than once per feature.
    /// </summary>
    private static void GatherColumns(ReadOnlySpan<float> features, int featureCount, int[] sample, int first, int width, float[] columns)
    {
        for (int i = 0; i < sample.Length; i++)
        {
            var values = features.Slice((sample[i] * featureCount) + first, width);
            for (int c = 0; c < width; c++)
            {
                columns[(c * sample.Length) + i] = values[c];
            }
        }
    }

    /// <summary>The values that are not NaN, moved to the front of <paramref name="values"/> in their order.</summary>
    private static Span<float> WithoutMissing(Span<float> values)
    {
        int count = 0;
        foreach (float x in values)
        {
            if (!float.IsNaN(x))
            {
                values[count++] = x;
            }
        }

        return values[..count];
    }

    /// <summary>The inverse interquartile range, or 2 / range when the quartiles coincide, or 0 for a constant column.</summary>
    private static float RobustScale(ReadOnlySpan<float> values, float lower, float upper)
    {
        double spread = upper - (double)lower;
        if (spread > 0)
        {
            return (float)(1 / spread);
        }

        double range = OrderStatistics.Max(values) - (double)OrderStatistics.Min(values);
        return range > 0 ? (float)(2 / range) : 0f;
    }
}
