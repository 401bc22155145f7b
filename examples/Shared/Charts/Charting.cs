using ScottPlot;

namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>Creates the ScottPlot plots of the examples, all in the shipped font (see <see cref="ChartFonts"/>).</summary>
public static class Charting
{
    /// <summary>A new, empty plot whose text uses <see cref="ChartFonts.Family"/>.</summary>
    public static Plot NewPlot()
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        return plot;
    }
}
