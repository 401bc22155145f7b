namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>One line of a <see cref="LineChart"/>: a name for the legend and its points.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="X">The x values, as many as <paramref name="Y"/>.</param>
/// <param name="Y">The y values; points that cannot be shown (not finite, or not positive on a log axis) are skipped.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>The line's colour; null lets ScottPlot pick the next colour of its palette.</summary>
    public ScottPlot.Color? Color { get; init; }

    /// <summary>
    /// Draws the line thin and half-transparent (for example training curves beside full test curves). Not dashed:
    /// SkiaSharp's SVG output cannot draw dashes.
    /// </summary>
    public bool Faint { get; init; }

    /// <summary>A series whose x values are 1, 2, 3, … (iterations or epochs).</summary>
    public static ChartSeries Indexed(string name, IReadOnlyList<double> y) =>
        new(name, [.. Enumerable.Range(1, y.Count).Select(i => (double)i)], y);
}
