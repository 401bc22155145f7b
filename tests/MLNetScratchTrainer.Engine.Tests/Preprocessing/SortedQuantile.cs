namespace MLNetScratchTrainer.Engine.Tests.Preprocessing;

/// <summary>The reference for the preprocessing's quantiles: sort, then interpolate.</summary>
internal static class SortedQuantile
{
    /// <summary>The p-quantile of sorted values, interpolated linearly between the neighbours of position p·(n − 1).</summary>
    public static float Of(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return (float)(sorted[below] + ((position - below) * (sorted[above] - sorted[below])));
    }
}
