using System.Xml.Linq;

namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>
/// An SVG line chart: a title, labelled axes with ticks and grid lines, one polyline per series (with dots when a
/// series has few points), a legend on the right, and optional logarithmic axes.
/// </summary>
public sealed class LineChart
{
    private const double PlotWidth = 620;
    private const double PlotHeight = 380;
    private const double Left = 80;
    private const double Top = 50;
    private const double Bottom = 60;
    private const int MarkerLimit = 40;

    private readonly List<ChartSeries> _series = [];

    /// <summary>Creates an empty chart.</summary>
    public LineChart(string title, string xLabel, string yLabel)
    {
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    /// <summary>The heading above the plot.</summary>
    public string Title { get; }

    /// <summary>The x axis label.</summary>
    public string XLabel { get; }

    /// <summary>The y axis label.</summary>
    public string YLabel { get; }

    /// <summary>Use a log10 x axis (points with x ≤ 0 are then skipped).</summary>
    public bool LogX { get; init; }

    /// <summary>Use a log10 y axis (points with y ≤ 0 are then skipped).</summary>
    public bool LogY { get; init; }

    /// <summary>Fixes the low end of the y axis (a linear axis may still round it down to a tick); lines below it are clipped.</summary>
    public double? YMinimum { get; init; }

    /// <summary>Fixes the high end of the y axis (a linear axis may still round it up to a tick); lines above it are clipped.</summary>
    public double? YMaximum { get; init; }

    /// <summary>Adds a series.</summary>
    /// <exception cref="ArgumentException">X and Y differ in length.</exception>
    public LineChart Add(ChartSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.X.Count != series.Y.Count)
        {
            throw new ArgumentException($"The series '{series.Name}' has {series.X.Count} x values but {series.Y.Count} y values.", nameof(series));
        }

        _series.Add(series);
        return this;
    }

    /// <summary>Renders the chart.</summary>
    /// <exception cref="InvalidOperationException">No series has a point that can be shown.</exception>
    public XElement ToSvg()
    {
        var shown = _series.Select(s => Points(s).ToList()).ToList();
        var all = shown.SelectMany(points => points).ToList();
        if (all.Count == 0)
        {
            throw new InvalidOperationException($"The chart '{Title}' has no point that can be drawn.");
        }

        double xLow = all.Min(p => p.X), xHigh = all.Max(p => p.X);
        var xScale = LogX ? AxisScale.Logarithmic(xLow, xHigh) : AxisScale.Linear(xLow, xHigh, 8);
        double yLow = YMinimum ?? all.Min(p => p.Y), yHigh = YMaximum ?? all.Max(p => p.Y);
        var yScale = LogY ? AxisScale.Logarithmic(yLow, yHigh) : AxisScale.Linear(yLow, yHigh, 7);

        double legendWidth = 60 + (7.5 * _series.Select(s => s.Name.Length).DefaultIfEmpty(0).Max());
        double width = Left + PlotWidth + 30 + legendWidth, height = Top + PlotHeight + Bottom;
        var svg = Svg.Document(width, height);
        svg.Add(Svg.Text(Left + (PlotWidth / 2), 28, Title, "middle", 16, weight: "bold"));
        AddAxes(svg, xScale, yScale);
        svg.Add(new XElement(
            Svg.Namespace + "defs",
            new XElement(Svg.Namespace + "clipPath", new XAttribute("id", "plot-area"), Svg.Rect(Left, Top, PlotWidth, PlotHeight, "none", null))));
        var lines = new XElement(Svg.Namespace + "g", new XAttribute("clip-path", "url(#plot-area)"));
        svg.Add(lines);
        for (int i = 0; i < _series.Count; i++)
        {
            string color = _series[i].Color ?? ChartPalette.Color(i);
            var points = shown[i].Select(p => (X: Left + (xScale.Fraction(p.X) * PlotWidth), Y: Top + PlotHeight - (yScale.Fraction(p.Y) * PlotHeight))).ToList();
            lines.Add(Svg.Polyline(points, color, 2, _series[i].Dashed));
            if (points.Count <= MarkerLimit)
            {
                lines.Add(points.Select(p => Svg.Circle(p.X, p.Y, 2.5, color)));
            }
        }

        AddLegend(svg, Left + PlotWidth + 30);
        return svg;
    }

    /// <summary>Writes the chart to an .svg file.</summary>
    public void Save(string path) => Svg.Save(ToSvg(), path);

    private IEnumerable<(double X, double Y)> Points(ChartSeries series)
    {
        for (int i = 0; i < series.X.Count; i++)
        {
            double x = series.X[i], y = series.Y[i];
            if (double.IsFinite(x) && double.IsFinite(y) && (!LogX || x > 0) && (!LogY || y > 0))
            {
                yield return (x, y);
            }
        }
    }

    private void AddAxes(XElement svg, AxisScale xScale, AxisScale yScale)
    {
        const string grid = "#e4e4e4", ink = "#333333";
        foreach (double tick in xScale.Ticks)
        {
            double x = Left + (xScale.Fraction(tick) * PlotWidth);
            svg.Add(Svg.Line(x, Top, x, Top + PlotHeight, grid));
            svg.Add(Svg.Line(x, Top + PlotHeight, x, Top + PlotHeight + 5, ink));
            svg.Add(Svg.Text(x, Top + PlotHeight + 20, AxisScale.FormatTick(tick), "middle"));
        }

        foreach (double tick in yScale.Ticks)
        {
            double y = Top + PlotHeight - (yScale.Fraction(tick) * PlotHeight);
            svg.Add(Svg.Line(Left, y, Left + PlotWidth, y, grid));
            svg.Add(Svg.Line(Left - 5, y, Left, y, ink));
            svg.Add(Svg.Text(Left - 8, y + 4, AxisScale.FormatTick(tick), "end"));
        }

        svg.Add(Svg.Rect(Left, Top, PlotWidth, PlotHeight, "none", ink));
        svg.Add(Svg.Text(Left + (PlotWidth / 2), Top + PlotHeight + 45, LogX ? $"{XLabel} (log scale)" : XLabel, "middle", 13));
        string yLabel = LogY ? $"{YLabel} (log scale)" : YLabel;
        svg.Add(Svg.Text(22, Top + (PlotHeight / 2), yLabel, "middle", 13, rotate: -90));
    }

    private void AddLegend(XElement svg, double x)
    {
        for (int i = 0; i < _series.Count; i++)
        {
            double y = Top + 10 + (i * 22);
            string color = _series[i].Color ?? ChartPalette.Color(i);
            svg.Add(Svg.Line(x, y, x + 28, y, color, 3, _series[i].Dashed));
            svg.Add(Svg.Text(x + 36, y + 4, _series[i].Name));
        }
    }
}
