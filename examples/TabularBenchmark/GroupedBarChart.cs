using ScottPlot;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>A PNG of grouped bars drawn with ScottPlot: one group per data set, one coloured bar per trainer, and a legend.</summary>
internal static class GroupedBarChart
{
    private const int Width = 1400;
    private const int Height = 600;

    /// <summary>Draws the chart and saves it.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="valueLabel">The vertical axis' label.</param>
    /// <param name="groups">The group labels (data sets), left to right.</param>
    /// <param name="series">The series (trainers), in legend order.</param>
    /// <param name="values">values[series][group]; NaN leaves the bar out.</param>
    /// <param name="limits">The vertical axis' range.</param>
    public static void Save(string path, string title, string valueLabel, IReadOnlyList<string> groups, IReadOnlyList<string> series, double[][] values, (double Bottom, double Top) limits)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(values);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int stride = series.Count + 1;
        var bars = new List<Bar>();
        for (int s = 0; s < series.Count; s++)
        {
            var color = palette.GetColor(s);
            for (int g = 0; g < groups.Count; g++)
            {
                if (!double.IsNaN(values[s][g]))
                {
                    bars.Add(new Bar { Position = (g * stride) + s, Value = values[s][g], ValueBase = limits.Bottom, FillColor = color, LineWidth = 0 });
                }
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s], FillColor = color });
        }

        plot.Add.Bars(bars);
        var ticks = groups.Select((group, g) => new Tick((g * stride) + ((series.Count - 1) / 2.0), group)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperLeft;
        plot.Axes.Bottom.MinimumSize = 130;
        plot.Axes.SetLimits(-1, groups.Count * stride - 1, limits.Bottom, limits.Top);
        plot.Title(title);
        plot.YLabel(valueLabel);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Width, Height);
    }
}
