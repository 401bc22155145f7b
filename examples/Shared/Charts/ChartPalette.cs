namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>Ten well-separated line colours, used in order by the charts.</summary>
public static class ChartPalette
{
    private static readonly string[] Colors =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The colour of the <paramref name="index"/>-th series (wrapping after ten).</summary>
    public static string Color(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];
}
