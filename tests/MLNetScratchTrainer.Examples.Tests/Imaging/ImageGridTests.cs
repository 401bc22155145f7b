using MLNetScratchTrainer.Examples.Shared;
using MLNetScratchTrainer.Examples.Shared.Imaging;
using MLNetScratchTrainer.Examples.Tests.Charts;

namespace MLNetScratchTrainer.Examples.Tests.Imaging;

[TestClass]
public sealed class ImageGridTests
{
    [TestMethod]
    public void EachTileIsAHeatmapWithItsCaption()
    {
        var grid = new ImageGrid("Digits", 2, 2, columns: 2) { ColorMap = ColorMap.Grayscale };
        grid.Add("first", [0f, 1f, 1f, 0f]);
        grid.Add("second", [0f, 0f, 0f, 1f]);
        grid.Add("third", [1f, 1f, 1f, 1f]);

        var plots = grid.ToPlotGrid();

        Assert.AreEqual(2, plots.Rows, "three tiles in two columns make two rows");
        CollectionAssert.AreEqual(new[] { "first", "second", "third" }, plots.Cells.Select(c => c.Axes.Title.Label.Text).ToArray());
        var heatmap = plots.Cells[0].GetPlottables<ScottPlot.Plottables.Heatmap>().Single();
        Assert.AreEqual(1.0, heatmap.Intensities[0, 1], "row-major: the second value is the first row's second cell");
        Assert.AreEqual(1.0, heatmap.Intensities[1, 0]);
    }

    [TestMethod]
    public void DivergingRangeIsSymmetricSoZeroIsWhite()
    {
        var grid = new ImageGrid("w", 3, 1, columns: 1);
        grid.Add("unit", [-2f, 0f, 0.5f]);

        Assert.AreEqual((-2.0, 2.0), grid.ColorRange(0));
    }

    [TestMethod]
    public void PerTileOrSharedScaling()
    {
        var perTile = new ImageGrid("w", 2, 1, columns: 2) { ColorMap = ColorMap.Grayscale };
        var shared = new ImageGrid("w", 2, 1, columns: 2) { ColorMap = ColorMap.Grayscale, ScalePerTile = false };
        foreach (var grid in new[] { perTile, shared })
        {
            grid.Add("a", [0f, 1f]);
            grid.Add("b", [5f, 10f]);
        }

        Assert.AreEqual((5.0, 10.0), perTile.ColorRange(1));
        Assert.AreEqual((0.0, 10.0), shared.ColorRange(1));
    }

    [TestMethod]
    public void AddColumnTakesOneUnitsIncomingWeights()
    {
        var grid = new ImageGrid("w", 2, 1, columns: 1) { ColorMap = ColorMap.Grayscale };
        // A 2 x 3 fan-in x fan-out matrix; column 1 is (5, 7).
        grid.AddColumn("unit 1", [1f, 5f, 9f, 2f, 7f, 3f], matrixColumns: 3, column: 1);

        var heatmap = grid.ToPlotGrid().Cells[0].GetPlottables<ScottPlot.Plottables.Heatmap>().Single();

        Assert.AreEqual(5.0, heatmap.Intensities[0, 0]);
        Assert.AreEqual(7.0, heatmap.Intensities[0, 1]);
    }

    [TestMethod]
    public void ThePngShowsTheTitleAndTheColours()
    {
        using var folder = new TemporaryDirectory();
        var grid = new ImageGrid("Weights of unit 1", 2, 1, columns: 1) { Scale = 60 };
        grid.Add("unit 1", [-1f, 1f]);
        grid.Save(new OutputFolder(folder.Path), "weights", "one tile");

        using var picture = Picture.Load(folder.File("weights.png"));
        var plots = grid.ToPlotGrid();

        Assert.IsGreaterThan(50, picture.DarkPixels((0, 0, picture.Width, plots.HeadingHeight)), "heading");
        var negative = picture[picture.Width / 4, picture.Height - 30];
        var positive = picture[3 * picture.Width / 4, picture.Height - 30];
        Assert.IsGreaterThan(negative.Red, negative.Blue, "negative is blue");
        Assert.IsGreaterThan(positive.Blue, positive.Red, "positive is red");
    }

    [TestMethod]
    public void RejectsTilesOfTheWrongSize()
    {
        var grid = new ImageGrid("w", 28, 28, columns: 4);
        Assert.ThrowsExactly<ArgumentException>(() => grid.Add("t", new float[27 * 28]));
        Assert.ThrowsExactly<InvalidOperationException>(() => grid.ToPlotGrid());
    }
}
