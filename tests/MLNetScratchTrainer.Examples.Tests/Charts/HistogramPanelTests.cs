using MLNetScratchTrainer.Examples.Shared;
using MLNetScratchTrainer.Examples.Shared.Charts;

namespace MLNetScratchTrainer.Examples.Tests.Charts;

[TestClass]
public sealed class HistogramPanelTests
{
    [TestMethod]
    public void BinsValuesAndCountsThoseOutsideTheRange()
    {
        var histogram = Histogram.FromValues("h", [0f, 0.1f, 0.5f, 0.99f, 1f, -0.2f, 1.5f, float.NaN], 0, 1, 4);

        CollectionAssert.AreEqual(new[] { 2, 0, 1, 2 }, histogram.Counts.ToArray());
        Assert.AreEqual(3, histogram.Outside);
    }

    [TestMethod]
    public void DrawsEveryHistogramAsBarsUnderItsTitle()
    {
        var panel = new HistogramPanel("Activations", columns: 3) { Subtitle = "x: value, y: count" };
        for (int i = 0; i < 5; i++)
        {
            panel.Add(Histogram.FromValues($"layer {i + 1}", [0.1f, 0.2f, 0.2f * i, 2f], 0, 1, 10));
        }

        var grid = panel.ToPlotGrid();
        var cells = grid.Cells;

        Assert.AreEqual(2, grid.Rows, "five histograms in three columns make two rows");
        Assert.HasCount(5, cells);
        Assert.AreEqual("layer 1\n(1 outside range)", cells[0].Axes.Title.Label.Text);
        var bars = cells[0].GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.HasCount(10, bars);
        Assert.AreEqual(0.05, bars[0].Position, 1e-12, "bars sit at the bin centres");
        Assert.AreEqual(1, bars[1].Value, "0.1 falls in the second bin of width 0.1");
    }

    [TestMethod]
    public void ThePngShowsTheHeadingAndEveryCellTitle()
    {
        using var folder = new TemporaryDirectory();
        var panel = new HistogramPanel("Activations per layer", columns: 2);
        panel.Add(Histogram.FromValues("layer 1", [0.1f, 0.2f], 0, 1, 4));
        panel.Add(Histogram.FromValues("layer 2", [0.5f], 0, 1, 4));
        panel.Save(new OutputFolder(folder.Path), "panel", "two histograms");

        using var picture = Picture.Load(folder.File("panel.png"));
        var grid = panel.ToPlotGrid();

        Assert.AreEqual(grid.Width, picture.Width);
        Assert.AreEqual(grid.Height, picture.Height);
        Assert.IsGreaterThan(100, picture.DarkPixels((grid.Width / 4, 0, grid.Width / 2, grid.HeadingHeight)), "heading");
        Assert.IsGreaterThan(30, picture.DarkPixels((grid.CellWidth / 3, grid.HeadingHeight, grid.CellWidth / 3, 24)), "first cell's title");
        Assert.IsTrue(File.Exists(folder.File("panel.svg")));
    }

    [TestMethod]
    public void RejectsEmptyRangesAndEmptyPanels()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Histogram.FromValues("h", [1f], 1, 1, 3));
        Assert.ThrowsExactly<InvalidOperationException>(() => new HistogramPanel("p", 2).ToPlotGrid());
    }
}
