using ScottPlot;

namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>
/// A grid of small histograms in one picture, each with its title, a value axis and a count axis, filled row by row
/// (for example one row per weight initialisation and one column per layer), drawn by ScottPlot as bar plots.
/// </summary>
public sealed class HistogramPanel
{
    private const int CellWidth = 240;
    private const int CellHeight = 200;

    private readonly List<Histogram> _histograms = [];

    /// <summary>Creates an empty panel of <paramref name="columns"/> histograms per row.</summary>
    public HistogramPanel(string title, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Title = title;
        Columns = columns;
    }

    /// <summary>The heading of the panel.</summary>
    public string Title { get; }

    /// <summary>A line under the title, such as what the axes show.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Histograms per row.</summary>
    public int Columns { get; }

    /// <summary>Adds the next histogram (left to right, then the next row).</summary>
    public HistogramPanel Add(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        _histograms.Add(histogram);
        return this;
    }

    /// <summary>Lays the histograms out as plots: bars touching each other, the count axis starting at zero.</summary>
    /// <exception cref="InvalidOperationException">The panel is empty.</exception>
    public PlotGrid ToPlotGrid()
    {
        if (_histograms.Count == 0)
        {
            throw new InvalidOperationException($"The histogram panel '{Title}' is empty.");
        }

        var grid = new PlotGrid(Title, Columns, CellWidth, CellHeight) { Subtitle = Subtitle };
        foreach (var histogram in _histograms)
        {
            var plot = grid.AddCell();
            double binWidth = (histogram.Maximum - histogram.Minimum) / histogram.Counts.Count;
            var bars = plot.Add.Bars(histogram.Counts.Select((count, bin) => new Bar
            {
                Position = histogram.Minimum + ((bin + 0.5) * binWidth),
                Value = count,
                Size = binWidth,
                LineWidth = 0,
            }).ToArray());
            bars.Color = Colors.SteelBlue;
            plot.Title(histogram.Outside > 0 ? $"{histogram.Title}\n({histogram.Outside} outside range)" : histogram.Title, size: 12);
            plot.Axes.Margins(bottom: 0);
            plot.Axes.SetLimitsX(histogram.Minimum, histogram.Maximum);
        }

        return grid;
    }

    /// <summary>Writes the panel as <c>name.png</c> and <c>name.svg</c> in <paramref name="output"/>.</summary>
    public void Save(OutputFolder output, string name, string description) => ToPlotGrid().Save(output, name, description);
}
