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
    /// <summary>Most rows whose values are sorted to find a feature's quantiles.</summary>
    public const int MaximumQuantileRows = 20_000;

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
        var column = new float[sampleSize];
        var fill = new float[featureCount];
        var center = new float[featureCount];
        var scale = new float[featureCount];
        for (int j = 0; j < featureCount; j++)
        {
            int count = 0;
            for (int i = 0; i < sampleSize; i++)
            {
                float x = features[(rows[(int)((long)i * rows.Length / sampleSize)] * featureCount) + j];
                if (!float.IsNaN(x))
                {
                    column[count++] = x;
                }
            }

            var values = column.AsSpan(0, count);
            values.Sort();
            fill[j] = count == 0 ? 0f : Quantile(values, 0.5);
            (center[j], scale[j]) = scaling == InputScaling.Robust ? (fill[j], RobustScale(values)) : (0f, 1f);
        }

        return new InputPreprocessor(fill, center, scale, scaling == InputScaling.Robust ? clipBound : null, indicators);
    }

    /// <summary>The inverse interquartile range, or 2 / range when the quartiles coincide, or 0 for a constant (or empty) column.</summary>
    private static float RobustScale(ReadOnlySpan<float> sorted)
    {
        if (sorted.IsEmpty)
        {
            return 0f;
        }

        double spread = Quantile(sorted, 0.75) - (double)Quantile(sorted, 0.25);
        if (spread > 0)
        {
            return (float)(1 / spread);
        }

        double range = sorted[^1] - (double)sorted[0];
        return range > 0 ? (float)(2 / range) : 0f;
    }

    /// <summary>The <paramref name="p"/>-quantile of sorted values, interpolating linearly between neighbours.</summary>
    private static float Quantile(ReadOnlySpan<float> sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double fraction = position - below;
        return (float)(sorted[below] + (fraction * (sorted[above] - (double)sorted[below])));
    }
}
