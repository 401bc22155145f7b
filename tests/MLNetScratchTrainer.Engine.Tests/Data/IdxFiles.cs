using System.Buffers.Binary;
using System.IO.Compression;

namespace MLNetScratchTrainer.Engine.Tests.Data;

/// <summary>Builds the bytes of IDX files for the tests.</summary>
internal static class IdxFiles
{
    /// <summary>The magic number <c>00 00 type rank</c>, the dimensions big-endian, then the data.</summary>
    public static byte[] Build(int[] dimensions, byte[] data, byte type = 0x08)
    {
        byte[] content = new byte[4 + (4 * dimensions.Length) + data.Length];
        content[2] = type;
        content[3] = (byte)dimensions.Length;
        for (int i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(content.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        data.CopyTo(content, 4 + (4 * dimensions.Length));
        return content;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>Bytes 0, 1, 2, … wrapping at 251 so that long runs do not repeat at byte boundaries.</summary>
    public static byte[] Sequence(int length)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)(i % 251);
        }

        return data;
    }
}
