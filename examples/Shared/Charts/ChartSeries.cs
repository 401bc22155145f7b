namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>One line of a <see cref="LineChart"/>: a name for the legend and its points.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="X">The x values, as many as <paramref name="Y"/>.</param>
/// <param name="Y">The y values; points that cannot be shown (not finite, or not positive on a log axis) are skipped.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>An SVG colour such as "#1f77b4"; null picks the next colour of <see cref="ChartPalette"/>.</summary>
    public string? Color { get; init; }

    /// <summary>Draws the line dashed (for example training curves next to solid test curves).</summary>
    public bool Dashed { get; init; }

    /// <summary>A series whose x values are 1, 2, 3, … (iterations or epochs).</summary>
    public static ChartSeries Indexed(string name, IReadOnlyList<double> y) =>
        new(name, [.. Enumerable.Range(1, y.Count).Select(i => (double)i)], y);
}
