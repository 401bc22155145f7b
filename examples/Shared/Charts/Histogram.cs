namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>Counts of values in equal-width bins over [<see cref="Minimum"/>, <see cref="Maximum"/>].</summary>
/// <param name="Title">Shown above the histogram in a <see cref="HistogramPanel"/>.</param>
/// <param name="Minimum">Left edge of the first bin.</param>
/// <param name="Maximum">Right edge of the last bin.</param>
/// <param name="Counts">Values per bin.</param>
/// <param name="Outside">Values that fell outside the range and were not counted.</param>
public sealed record Histogram(string Title, double Minimum, double Maximum, IReadOnlyList<int> Counts, int Outside)
{
    /// <summary>Bins <paramref name="values"/>; a value equal to <paramref name="maximum"/> goes into the last bin.</summary>
    public static Histogram FromValues(string title, ReadOnlySpan<float> values, double minimum, double maximum, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        if (!(maximum > minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, $"The range must not be empty; got [{minimum}, {maximum}].");
        }

        var counts = new int[bins];
        int outside = 0;
        double width = (maximum - minimum) / bins;
        foreach (float value in values)
        {
            if (!(value >= minimum && value <= maximum))
            {
                outside++;
                continue;
            }

            counts[Math.Min(bins - 1, (int)((value - minimum) / width))]++;
        }

        return new Histogram(title, minimum, maximum, counts, outside);
    }
}
