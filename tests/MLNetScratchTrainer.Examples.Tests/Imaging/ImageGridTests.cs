using MLNetScratchTrainer.Examples.Shared.Imaging;

namespace MLNetScratchTrainer.Examples.Tests.Imaging;

[TestClass]
public sealed class ImageGridTests
{
    [TestMethod]
    public void TilesAreScaledAndFramedByBorders()
    {
        var grid = new ImageGrid(2, 2, columns: 2) { Scale = 3, Border = 1, ColorMap = ColorMap.Grayscale, ScalePerTile = false };
        grid.Add([0f, 1f, 1f, 0f]);
        grid.Add([0f, 0f, 0f, 1f]);
        grid.Add([1f, 1f, 1f, 1f]);

        var image = grid.Render();

        Assert.AreEqual((2 * 6) + 3, image.Width);
        Assert.AreEqual((2 * 6) + 3, image.Height, "three tiles in two columns make two rows");
        Assert.AreEqual(1, image.Channels);
        Assert.AreEqual(64, Pixel(image, 0, 0), "border");
        Assert.AreEqual(0, Pixel(image, 1, 1), "first value of the first tile, black");
        Assert.AreEqual(255, Pixel(image, 4, 3), "second value of the first tile, white, 3 pixels wide");
        Assert.AreEqual(255, Pixel(image, 6, 1));
        Assert.AreEqual(64, Pixel(image, 7, 1), "border between the tiles");
        Assert.AreEqual(255, Pixel(image, 8 + 5, 1 + 5), "last value of the second tile");
    }

    [TestMethod]
    public void DivergingMapColoursSignsAroundWhiteZero()
    {
        var grid = new ImageGrid(3, 1, columns: 1) { Scale = 1, Border = 0 };
        grid.Add([-2f, 0f, 2f]);

        var image = grid.Render();

        Assert.AreEqual(3, image.Channels);
        Assert.AreEqual(ColorMaps.Map(ColorMap.Diverging, -1), Color(image, 0));
        Assert.AreEqual(ColorMaps.Map(ColorMap.Diverging, 0), Color(image, 1));
        Assert.AreEqual(ColorMaps.Map(ColorMap.Diverging, 1), Color(image, 2));
        Assert.IsGreaterThan(Color(image, 0).Red, Color(image, 0).Blue, "negative is blue");
        Assert.IsGreaterThan(Color(image, 2).Blue, Color(image, 2).Red, "positive is red");
    }

    [TestMethod]
    public void AddColumnTakesOneUnitsIncomingWeights()
    {
        var grid = new ImageGrid(2, 1, columns: 1) { Scale = 1, Border = 0, ColorMap = ColorMap.Grayscale };
        // A 2 x 3 fan-in x fan-out matrix; column 1 is (5, 7).
        grid.AddColumn([1f, 5f, 9f, 2f, 7f, 3f], matrixColumns: 3, column: 1);

        var image = grid.Render();

        Assert.AreEqual(0, image.Pixels[0]);
        Assert.AreEqual(255, image.Pixels[1]);
    }

    [TestMethod]
    public void RejectsTilesOfTheWrongSize()
    {
        var grid = new ImageGrid(28, 28, columns: 4);
        Assert.ThrowsExactly<ArgumentException>(() => grid.Add(new float[27 * 28]));
        Assert.ThrowsExactly<InvalidOperationException>(() => grid.Render());
    }

    private static byte Pixel(RasterImage image, int x, int y) => image.Pixels[(y * image.Width) + x];

    private static Rgb Color(RasterImage image, int x) => new(image.Pixels[x * 3], image.Pixels[(x * 3) + 1], image.Pixels[(x * 3) + 2]);
}
