namespace MLNetScratchTrainer.Examples.Shared.Imaging;

/// <summary>An 8-bit image in memory, row-major: one byte per pixel (grayscale) or three (red, green, blue).</summary>
public sealed class RasterImage
{
    /// <summary>Creates a black image.</summary>
    /// <param name="width">Pixels per row.</param>
    /// <param name="height">Rows.</param>
    /// <param name="channels">1 for grayscale, 3 for RGB colour.</param>
    public RasterImage(int width, int height, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "An image has 1 channel (grayscale) or 3 (RGB).");
        }

        Width = width;
        Height = height;
        Channels = channels;
        Pixels = new byte[checked(width * height * channels)];
    }

    /// <summary>Pixels per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Bytes per pixel: 1 (grayscale) or 3 (RGB).</summary>
    public int Channels { get; }

    /// <summary>The pixel bytes, row-major, <see cref="Channels"/> per pixel.</summary>
    public byte[] Pixels { get; }

    /// <summary>One row of pixel bytes.</summary>
    public Span<byte> Row(int y) => Pixels.AsSpan(y * Width * Channels, Width * Channels);

    /// <summary>Sets a pixel; a grayscale image stores the mean of the three components.</summary>
    public void Set(int x, int y, Rgb color)
    {
        int offset = ((y * Width) + x) * Channels;
        if (Channels == 1)
        {
            Pixels[offset] = (byte)((color.Red + color.Green + color.Blue + 1) / 3);
            return;
        }

        Pixels[offset] = color.Red;
        Pixels[offset + 1] = color.Green;
        Pixels[offset + 2] = color.Blue;
    }

    /// <summary>Fills the whole image with one colour.</summary>
    public void Fill(Rgb color)
    {
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                Set(x, y, color);
            }
        }
    }
}
