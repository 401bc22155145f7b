using MLNetScratchTrainer.Examples.Shared;
using MLNetScratchTrainer.Examples.Shared.Charts;
using ScottPlot;

namespace MLNetScratchTrainer.Examples.Tests.Charts;

[TestClass]
public sealed class LineChartTests
{
    [TestMethod]
    public void TheTitleIsDrawnInThePng()
    {
        using var folder = new TemporaryDirectory();
        var output = new OutputFolder(folder.Path);
        Line("Loss per epoch").Save(output, "titled", "a chart with a title");
        Line("Mass per period").Save(output, "retitled", "the same chart with another title of the same length");

        using var titled = Picture.Load(folder.File("titled.png"));
        using var retitled = Picture.Load(folder.File("retitled.png"));

        // The title sits centred in the top strip: it has ink there, and other words give other ink (the glyphs are drawn).
        Assert.IsGreaterThan(100, titled.DarkPixels(TitleStrip(titled)), "the title's glyphs should darken the top strip");
        Assert.IsGreaterThan(50, titled.DifferingPixels(retitled, TitleStrip(titled)), "another title should change the strip");
        Assert.AreEqual(0, titled.DifferingPixels(retitled, (0, titled.Height - 60, titled.Width / 2, 60)), "the rest is the same chart");
        output.VerifyWritten();
        StringAssert.Contains(File.ReadAllText(folder.File("titled.svg")), "<svg");
    }

    [TestMethod]
    public void EverySeriesBecomesALineWithItsLegendText()
    {
        var chart = new LineChart("t", "epoch", "loss")
            .Add(ChartSeries.Indexed("Adam", [3, 2, 1]))
            .Add(ChartSeries.Indexed("SGD", [3, 2.5, 2]) with { Faint = true });

        using var plot = chart.ToPlot();
        var lines = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();

        CollectionAssert.AreEqual(new[] { "Adam", "SGD" }, lines.Select(l => l.LegendText).ToArray());
        Assert.IsLessThan(lines[0].LineWidth, lines[1].LineWidth, "a faint line is thinner");
        Assert.IsLessThan(lines[0].Color.Alpha, lines[1].Color.Alpha, "and half-transparent");
        Assert.AreEqual(5f, lines[0].MarkerSize, "few points are marked with dots");
    }

    [TestMethod]
    public void LogAxesPlotDecadesAndSkipPointsTheyCannotShow()
    {
        var chart = new LineChart("t", "h", "error") { LogX = true, LogY = true }
            .Add(new ChartSeries("a", [0.001, 0.01, 0, 1], [1e-6, 0, 1e-4, 100]));

        using var plot = chart.ToPlot();
        var data = plot.GetPlottables<ScottPlot.Plottables.Scatter>().Single().Data.GetScatterPoints();

        Assert.HasCount(2, data, "x = 0 and y = 0 have no logarithm");
        Assert.AreEqual(-3, data[0].X, 1e-12);
        Assert.AreEqual(-6, data[0].Y, 1e-12);
        Assert.AreEqual(2, data[1].Y, 1e-12);
        Assert.AreEqual("error (log scale)", plot.Axes.Left.Label.Text);
    }

    [TestMethod]
    public void FixedLimitsBoundTheYAxis()
    {
        using var plot = new LineChart("t", "epoch", "accuracy") { YMinimum = 0, YMaximum = 1 }
            .Add(ChartSeries.Indexed("train", [0.5, 0.7])).ToPlot();

        var limits = plot.Axes.GetLimits();
        Assert.AreEqual(0, limits.Bottom);
        Assert.AreEqual(1, limits.Top);
    }

    [TestMethod]
    public void RejectsMismatchedSeriesAndEmptyCharts()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new LineChart("t", "x", "y").Add(new ChartSeries("a", [1, 2], [1])));
        Assert.ThrowsExactly<InvalidOperationException>(() => new LineChart("t", "x", "y") { LogY = true }.Add(new ChartSeries("a", [1], [0])).ToPlot());
    }

    private static (int Left, int Top, int Width, int Height) TitleStrip(Picture picture) => (picture.Width / 4, 0, picture.Width / 3, 28);

    private static LineChart Line(string title) =>
        new LineChart(title, "epoch", "loss").Add(ChartSeries.Indexed("train", [1.0, 0.5, 0.25, 0.2]));
}
