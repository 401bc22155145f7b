using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MLNetScratchTrainer.Examples.Shared.Imaging;

/// <summary>
/// Writes a <see cref="RasterImage"/> as a PNG file, by hand: the 8-byte signature, an IHDR chunk (size, 8 bits per
/// sample, grayscale or RGB, no interlacing), one IDAT chunk holding the zlib-compressed rows (each row prefixed with
/// filter type 0, "none") and an empty IEND chunk. Every chunk ends with the CRC-32 of its type and data.
/// </summary>
public static class PngWriter
{
    /// <summary>The eight bytes every PNG file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private const byte ColorTypeGray = 0;
    private const byte ColorTypeRgb = 2;
    private const byte BitDepth = 8;
    private const byte FilterNone = 0;

    /// <summary>Writes the image to a file, replacing it.</summary>
    public static void Save(RasterImage image, string path)
    {
        using var file = File.Create(path);
        Write(image, file);
    }

    /// <summary>Writes the image to a stream.</summary>
    public static void Write(RasterImage image, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Signature);

        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = BitDepth;
        header[9] = image.Channels == 1 ? ColorTypeGray : ColorTypeRgb;
        // header[10..12]: compression method 0 (deflate), filter method 0, interlace method 0 (none).
        WriteChunk(stream, "IHDR", header);
        WriteChunk(stream, "IDAT", CompressRows(image));
        WriteChunk(stream, "IEND", []);
    }

    private static byte[] CompressRows(RasterImage image)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < image.Height; y++)
            {
                zlib.WriteByte(FilterNone);
                zlib.Write(image.Row(y));
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);

        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);

        uint crc = Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Start, typeBytes), data));
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        stream.Write(word);
    }
}
