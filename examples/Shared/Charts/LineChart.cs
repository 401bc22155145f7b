using ScottPlot;
using ScottPlot.TickGenerators;

namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>
/// A line chart drawn by ScottPlot: a title, labelled axes, one line per series (with dots when a series has few
/// points), a legend on the right, and optional logarithmic axes; saved as PNG and SVG.
/// </summary>
public sealed class LineChart
{
    private const int Width = 900;
    private const int Height = 500;
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

    /// <summary>Fixes the low end of the y axis; lines below it are clipped.</summary>
    public double? YMinimum { get; init; }

    /// <summary>Fixes the high end of the y axis; lines above it are clipped.</summary>
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

    /// <summary>Builds the ScottPlot plot. A log axis plots log10 of the values and labels its ticks with the values themselves.</summary>
    /// <exception cref="InvalidOperationException">No series has a point that can be shown.</exception>
    public Plot ToPlot()
    {
        var plot = Charting.NewPlot();
        int shown = 0;
        foreach (var series in _series)
        {
            var points = Points(series).ToArray();
            shown += points.Length;
            double[] xs = [.. points.Select(p => p.X)], ys = [.. points.Select(p => p.Y)];
            var line = plot.Add.ScatterLine(xs, ys, series.Color);
            line.LegendText = series.Name;
            line.LineWidth = series.Faint ? 1.5f : 2.5f;
            line.Color = line.Color.WithAlpha(series.Faint ? 0.45 : 1.0);
            line.MarkerSize = points.Length <= MarkerLimit ? 5 : 0;
        }

        if (shown == 0)
        {
            throw new InvalidOperationException($"The chart '{Title}' has no point that can be drawn.");
        }

        plot.Title(Title);
        plot.XLabel(LogX ? $"{XLabel} (log scale)" : XLabel);
        plot.YLabel(LogY ? $"{YLabel} (log scale)" : YLabel);
        if (LogX)
        {
            plot.Axes.Bottom.TickGenerator = LogTicks();
        }

        if (LogY)
        {
            plot.Axes.Left.TickGenerator = LogTicks();
        }

        if (YMinimum is not null || YMaximum is not null)
        {
            var limits = plot.Axes.GetLimits();
            plot.Axes.SetLimitsY(YMinimum is double low ? Scale(low, LogY) : limits.Bottom, YMaximum is double high ? Scale(high, LogY) : limits.Top);
        }

        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Writes the chart as <c>name.png</c> and <c>name.svg</c> in <paramref name="output"/>.</summary>
    public void Save(OutputFolder output, string name, string description)
    {
        using var plot = ToPlot();
        FigureFiles.Save(plot, output, name, description, Width, Height);
    }

    private static double Scale(double value, bool logarithmic) => logarithmic ? Math.Log10(value) : value;

    /// <summary>Ticks at whole decades (plotted values are log10), labelled 10^k in plain or scientific notation, with minor ticks between.</summary>
    private static NumericAutomatic LogTicks() => new()
    {
        IntegerTicksOnly = true,
        MinorTickGenerator = new LogMinorTickGenerator(),
        LabelFormatter = exponent => exponent is >= -3 and <= 4 ? Math.Pow(10, exponent).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : $"1e{exponent:0}",
    };

    private IEnumerable<(double X, double Y)> Points(ChartSeries series)
    {
        for (int i = 0; i < series.X.Count; i++)
        {
            double x = series.X[i], y = series.Y[i];
            if (double.IsFinite(x) && double.IsFinite(y) && (!LogX || x > 0) && (!LogY || y > 0))
            {
                yield return (Scale(x, LogX), Scale(y, LogY));
            }
        }
    }
}
