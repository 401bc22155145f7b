using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MLNetScratchTrainer.Examples.Tests.Imaging;

/// <summary>
/// A minimal PNG reader for the tests, written independently of the writer: splits the chunks, checks each CRC with a
/// bit-by-bit CRC-32, reads IHDR and inflates the IDAT data back into rows (filter type 0 only).
/// </summary>
internal sealed class PngFile
{
    private static readonly byte[] ExpectedSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngFile(List<(string Type, byte[] Data)> chunks)
    {
        Chunks = chunks;
        byte[] header = chunks[0].Data;
        Width = BinaryPrimitives.ReadInt32BigEndian(header);
        Height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        BitDepth = header[8];
        ColorType = header[9];
        Interlace = header[12];
    }

    public IReadOnlyList<(string Type, byte[] Data)> Chunks { get; }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    public int ColorType { get; }

    public int Interlace { get; }

    public static PngFile Parse(byte[] bytes)
    {
        CollectionAssert.AreEqual(ExpectedSignature, bytes[..8], "PNG signature");
        var chunks = new List<(string, byte[])>();
        int offset = 8;
        while (offset < bytes.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            string type = Encoding.ASCII.GetString(bytes, offset + 4, 4);
            byte[] data = bytes[(offset + 8)..(offset + 8 + length)];
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 8 + length));
            Assert.AreEqual(BitwiseCrc32(bytes.AsSpan(offset + 4, 4 + length)), stored, $"CRC of chunk {type}");
            chunks.Add((type, data));
            offset += 12 + length;
        }

        Assert.AreEqual(bytes.Length, offset, "The last chunk must end exactly at the end of the file.");
        return new PngFile(chunks);
    }

    /// <summary>CRC-32 (polynomial 0xEDB88320) one bit at a time, with no table.</summary>
    public static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>The pixel bytes, row-major, with the per-row filter bytes removed (each must be 0).</summary>
    public byte[] Pixels(int channels)
    {
        byte[] compressed = [.. Chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data)];
        using var inflater = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        byte[] rows = raw.ToArray();
        int stride = (Width * channels) + 1;
        Assert.HasCount(Height * stride, rows, "Inflated IDAT length");
        var pixels = new byte[Width * Height * channels];
        for (int y = 0; y < Height; y++)
        {
            Assert.AreEqual(0, rows[y * stride], $"Filter byte of row {y}");
            Array.Copy(rows, (y * stride) + 1, pixels, y * (stride - 1), stride - 1);
        }

        return pixels;
    }
}
