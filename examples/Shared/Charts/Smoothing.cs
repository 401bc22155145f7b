namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>Smooths noisy per-iteration curves (mini-batch losses) so several fit in one readable chart.</summary>
public static class Smoothing
{
    /// <summary>
    /// The trailing moving average: point i is the mean of the last <paramref name="window"/> values up to i
    /// (fewer at the start), so the curve keeps its length and never looks ahead.
    /// </summary>
    public static double[] MovingAverage(IReadOnlyList<double> values, int window)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var result = new double[values.Count];
        double sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            sum += values[i];
            if (i >= window)
            {
                sum -= values[i - window];
            }

            result[i] = sum / Math.Min(i + 1, window);
        }

        return result;
    }
}
