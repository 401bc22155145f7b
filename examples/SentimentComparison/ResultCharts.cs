using System.Globalization;
using MLNetScratchTrainer.Examples.Comparison;
using MLNetScratchTrainer.Examples.Shared.Charts;
using ScottPlot;

namespace MLNetScratchTrainer.Examples.SentimentComparison;

/// <summary>Bar charts of a comparison, one bar per trainer with its value written above it (ScottPlot; PNG and SVG).</summary>
internal static class ResultCharts
{
    private const int Width = 900;
    private const int Height = 500;

    /// <summary>Saves a chart of the metric at <paramref name="metricIndex"/> (its axis starting near the lowest value) and one of the fit times.</summary>
    public static void Save(ComparisonTable table, int metricIndex, string title, OutputFolder output)
    {
        var metric = table.MetricSet.Metrics[metricIndex];
        SaveBars(table, title, output, "auc", $"Test {metric.Name}", metric.Format, r => r.Metrics[metricIndex], fromZero: false, $"test {metric.Name} of each trainer");
        SaveBars(table, title, output, "fit-seconds", "Fit (s, wall clock)", "F2", r => r.FitSeconds, fromZero: true, "fit seconds of each trainer");
    }

    private static void SaveBars(ComparisonTable table, string title, OutputFolder output, string name, string valueLabel, string format, Func<ComparisonResult, double> value, bool fromZero, string description)
    {
        var plot = Charting.NewPlot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = table.Results.Select((result, i) => new Bar
        {
            Position = i,
            Value = value(result),
            Label = value(result).ToString(format, CultureInfo.InvariantCulture),
            FillColor = palette.GetColor(i),
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        var ticks = table.Results.Select((result, i) => new Tick(i, result.Trainer)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        double top = bars.Max(bar => bar.Value);
        double bottom = fromZero ? 0 : Math.Floor((bars.Min(bar => bar.Value) * 10) - 1) / 10;
        plot.Axes.SetLimits(-0.6, bars.Count - 0.4, bottom, top + ((top - bottom) * 0.15));
        plot.Title(title);
        plot.YLabel(valueLabel);
        FigureFiles.Save(plot, output, name, description, Width, Height);
    }
}
