namespace MLNetScratchTrainer.Examples.NumericalVsBackprop;

/// <summary>How well numerical and backpropagated gradients agree over a set of entries.</summary>
internal sealed record GradientComparison(int Count, double MaxGradient, double MaxDifference, double MeanDifference, double RelativeError)
{
    /// <summary>
    /// Summarises entries; the relative error is ‖n − b‖ / (‖n‖ + ‖b‖) over the entries' vectors, which is 0 for
    /// identical gradients and 1 for unrelated ones, and does not blow up for single tiny entries.
    /// </summary>
    public static GradientComparison Of(IReadOnlyCollection<GradientEntry> entries)
    {
        double differenceNorm = Math.Sqrt(entries.Sum(e => e.Difference * e.Difference));
        double norms = Math.Sqrt(entries.Sum(e => e.Numerical * e.Numerical)) + Math.Sqrt(entries.Sum(e => e.Backprop * e.Backprop));
        return new GradientComparison(
            entries.Count,
            entries.Max(e => Math.Abs(e.Backprop)),
            entries.Max(e => e.Difference),
            entries.Average(e => e.Difference),
            norms > 0 ? differenceNorm / norms : 0);
    }
}
