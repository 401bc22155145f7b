using MLNetScratchTrainer.Examples.Shared.Imaging;

namespace MLNetScratchTrainer.Examples.Tests.Imaging;

[TestClass]
public sealed class PngWriterTests
{
    [TestMethod]
    public void RgbImageDecodesToTheSamePixels()
    {
        var image = new RasterImage(5, 3, 3);
        new Random(1).NextBytes(image.Pixels);

        var png = PngFile.Parse(Encode(image));

        CollectionAssert.AreEqual(new[] { "IHDR", "IDAT", "IEND" }, png.Chunks.Select(c => c.Type).ToArray());
        Assert.HasCount(13, png.Chunks[0].Data);
        Assert.AreEqual(5, png.Width);
        Assert.AreEqual(3, png.Height);
        Assert.AreEqual(8, png.BitDepth);
        Assert.AreEqual(2, png.ColorType, "colour type 2 is RGB");
        Assert.AreEqual(0, png.Interlace);
        Assert.IsEmpty(png.Chunks[^1].Data, "IEND is empty");
        CollectionAssert.AreEqual(image.Pixels, png.Pixels(3));
    }

    [TestMethod]
    public void GrayscaleImageDecodesToTheSamePixels()
    {
        var image = new RasterImage(28, 28, 1);
        for (int i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (byte)(i * 7);
        }

        var png = PngFile.Parse(Encode(image));

        Assert.AreEqual(0, png.ColorType, "colour type 0 is grayscale");
        Assert.AreEqual(28, png.Width);
        CollectionAssert.AreEqual(image.Pixels, png.Pixels(1));
    }

    [TestMethod]
    public void SaveWritesTheSameBytesAsWrite()
    {
        var image = new RasterImage(2, 2, 3);
        image.Set(1, 1, new Rgb(10, 20, 30));
        string path = Path.Combine(Path.GetTempPath(), $"mlnst-png-{Guid.NewGuid():N}.png");
        try
        {
            PngWriter.Save(image, path);
            CollectionAssert.AreEqual(Encode(image), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Encode(RasterImage image)
    {
        using var stream = new MemoryStream();
        PngWriter.Write(image, stream);
        return stream.ToArray();
    }
}
