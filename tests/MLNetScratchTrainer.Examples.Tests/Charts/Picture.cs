using SkiaSharp;

namespace MLNetScratchTrainer.Examples.Tests.Charts;

/// <summary>A PNG written by an example, decoded again (by SkiaSharp) to look at its pixels.</summary>
internal sealed class Picture : IDisposable
{
    private readonly SKBitmap _bitmap;

    private Picture(SKBitmap bitmap) => _bitmap = bitmap;

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    public static Picture Load(string path)
    {
        var bitmap = SKBitmap.Decode(path) ?? throw new InvalidDataException($"'{path}' is not a picture SkiaSharp can decode.");
        return new Picture(bitmap);
    }

    public SKColor this[int x, int y] => _bitmap.GetPixel(x, y);

    /// <summary>Pixels in the rectangle that are clearly darker than the white background (text, lines, bars).</summary>
    public int DarkPixels((int Left, int Top, int Width, int Height) area) => Count(area, (x, y) => IsDark(x, y));

    /// <summary>Pixels in the rectangle that are dark in one picture and not in the other.</summary>
    public int DifferingPixels(Picture other, (int Left, int Top, int Width, int Height) area) =>
        Count(area, (x, y) => IsDark(x, y) != other.IsDark(x, y));

    private bool IsDark(int x, int y)
    {
        var c = _bitmap.GetPixel(x, y);
        return (c.Red + c.Green + c.Blue) / 3 < 160;
    }

    private static int Count((int Left, int Top, int Width, int Height) area, Func<int, int, bool> test)
    {
        int count = 0;
        for (int y = area.Top; y < area.Top + area.Height; y++)
        {
            for (int x = area.Left; x < area.Left + area.Width; x++)
            {
                count += test(x, y) ? 1 : 0;
            }
        }

        return count;
    }

    public void Dispose() => _bitmap.Dispose();
}
