using System.Xml.Linq;

namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>
/// A grid of small histograms in one SVG, each with its title, a value axis and a count axis, filled row by row
/// (for example one row per weight initialisation and one column per layer).
/// </summary>
public sealed class HistogramPanel
{
    private const double CellWidth = 200;
    private const double CellHeight = 170;
    private const double CellLeft = 46;
    private const double CellTop = 26;
    private const double CellRight = 12;
    private const double CellBottom = 34;
    private const double Heading = 62;

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

    /// <summary>Renders the panel.</summary>
    /// <exception cref="InvalidOperationException">The panel is empty.</exception>
    public XElement ToSvg()
    {
        if (_histograms.Count == 0)
        {
            throw new InvalidOperationException($"The histogram panel '{Title}' is empty.");
        }

        int rows = (_histograms.Count + Columns - 1) / Columns;
        double width = Math.Max(Columns * CellWidth, 400), height = Heading + (rows * CellHeight);
        var svg = Svg.Document(width, height);
        svg.Add(Svg.Text(width / 2, 26, Title, "middle", 16, weight: "bold"));
        if (Subtitle is not null)
        {
            svg.Add(Svg.Text(width / 2, 46, Subtitle, "middle", 12));
        }

        for (int i = 0; i < _histograms.Count; i++)
        {
            AddCell(svg, _histograms[i], (i % Columns) * CellWidth, Heading + ((i / Columns) * CellHeight));
        }

        return svg;
    }

    /// <summary>Writes the panel to an .svg file.</summary>
    public void Save(string path) => Svg.Save(ToSvg(), path);

    private static void AddCell(XElement svg, Histogram histogram, double cellX, double cellY)
    {
        const string ink = "#333333", bar = "#4c72b0";
        double left = cellX + CellLeft, top = cellY + CellTop;
        double plotWidth = CellWidth - CellLeft - CellRight, plotHeight = CellHeight - CellTop - CellBottom;
        svg.Add(Svg.Text(left + (plotWidth / 2), cellY + 16, histogram.Title, "middle", 11, weight: "bold"));

        var xScale = AxisScale.Linear(histogram.Minimum, histogram.Maximum, 3);
        var yScale = AxisScale.Linear(0, Math.Max(1, histogram.Counts.Max()), 3);
        double binWidth = (histogram.Maximum - histogram.Minimum) / histogram.Counts.Count;
        for (int bin = 0; bin < histogram.Counts.Count; bin++)
        {
            double x0 = left + (xScale.Fraction(histogram.Minimum + (bin * binWidth)) * plotWidth);
            double x1 = left + (xScale.Fraction(histogram.Minimum + ((bin + 1) * binWidth)) * plotWidth);
            double barHeight = yScale.Fraction(histogram.Counts[bin]) * plotHeight;
            svg.Add(Svg.Rect(x0, top + plotHeight - barHeight, Math.Max(0.5, x1 - x0 - 0.5), barHeight, bar, null));
        }

        svg.Add(Svg.Rect(left, top, plotWidth, plotHeight, "none", ink));
        foreach (double tick in xScale.Ticks)
        {
            double x = left + (xScale.Fraction(tick) * plotWidth);
            svg.Add(Svg.Line(x, top + plotHeight, x, top + plotHeight + 4, ink));
            svg.Add(Svg.Text(x, top + plotHeight + 15, AxisScale.FormatTick(tick), "middle", 10));
        }

        foreach (double tick in yScale.Ticks)
        {
            double y = top + plotHeight - (yScale.Fraction(tick) * plotHeight);
            svg.Add(Svg.Line(left - 4, y, left, y, ink));
            svg.Add(Svg.Text(left - 6, y + 3, AxisScale.FormatTick(tick), "end", 10));
        }

        if (histogram.Outside > 0)
        {
            svg.Add(Svg.Text(left + plotWidth, top + plotHeight + 28, $"{histogram.Outside} outside range", "end", 9));
        }
    }
}
