using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;

namespace MLNetScratchTrainer.Engine.Data;

/// <summary>
/// Reads IDX files, the format of MNIST: a big-endian magic number <c>00 00 type rank</c>, then
/// <c>rank</c> big-endian int32 dimension sizes, then the values row-major. Files may be gzipped;
/// compression is recognised by the gzip magic bytes <c>1F 8B</c>, not by the file name.
/// </summary>
/// <remarks>
/// Only data type 0x08 (unsigned byte) is supported. Every check happens before memory is
/// committed: a raw file's header is compared with the file's length, and a gzipped file is read into
/// a buffer that grows only as decompressed data actually arrives, so a corrupt header claiming
/// billions of values fails with a message instead of exhausting memory.
/// </remarks>
public static class IdxReader
{
    private const byte UnsignedByteType = 0x08;
    private const int InitialUnverifiedBufferBytes = 1 << 20;
    private const int DrainBufferBytes = 1 << 16;
    private const int MaxDeflateRatio = 1100;

    /// <summary>Reads a whole IDX file, or only its first items.</summary>
    /// <param name="path">The file, raw or gzipped.</param>
    /// <param name="maxItems">
    /// When given, reads at most this many items (slices of the first dimension) and leaves the rest of the
    /// file unread, so truncation or trailing bytes past that point are only noticed in raw files.
    /// </param>
    /// <returns>The dimensions (the first one reduced to the items read) and the values.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is empty, has no IDX magic number, has a data type other than unsigned byte, declares no
    /// dimension or a dimension that is not positive, declares more values than an array can hold, is
    /// truncated, has bytes after its data, or is a corrupt gzip file. The message names the file.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxItems"/> is zero or negative.</exception>
    public static IdxArray Read(string path, int? maxItems = null)
    {
        var (stream, dimensions, count, itemSize, fileLength) = Begin(path, maxItems);
        using var owned = stream;
        byte[] data = ReadData(stream, path, count * itemSize, lengthVerified: fileLength is not null);
        Finish(stream, path, dimensions, count, fileLength);
        return new IdxArray(dimensions, data);
    }

    /// <summary>
    /// Reads an IDX file of unsigned bytes straight into floats, each value divided by <paramref name="divisor"/>,
    /// converting chunk by chunk so the bytes are never held in full (MNIST's training images take 188 MB as
    /// floats and would take another 47 MB as bytes).
    /// </summary>
    /// <param name="path">The file, raw or gzipped.</param>
    /// <param name="divisor">Each byte is divided by it (255 maps pixels to [0, 1]).</param>
    /// <param name="maxItems">When given, reads at most this many items, as for <see cref="Read"/>.</param>
    /// <returns>The dimensions (the first one reduced to the items read) and the values.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// As for <see cref="Read"/>; a gzipped file whose header claims more data than its compressed size could
    /// possibly hold is rejected before anything is allocated.
    /// </exception>
    public static (IReadOnlyList<int> Dimensions, float[] Values) ReadAsFloats(string path, float divisor, int? maxItems = null)
    {
        var (stream, dimensions, count, itemSize, fileLength) = Begin(path, maxItems);
        using var owned = stream;
        int length = count * itemSize;
        long compressed = new FileInfo(path).Length;
        if (fileLength is null && compressed * MaxDeflateRatio < length)
        {
            throw Invalid(path, $"is truncated or forged: its header declares {Describe(dimensions)} values but {compressed} gzipped bytes cannot hold {length} bytes of data.");
        }

        var values = new float[length];
        var chunk = new byte[DrainBufferBytes];
        for (int filled = 0; filled < length;)
        {
            int wanted = Math.Min(chunk.Length, length - filled);
            int read = Fill(stream, chunk.AsSpan(0, wanted), path);
            for (int i = 0; i < read; i++)
            {
                values[filled + i] = chunk[i] / divisor;
            }

            filled += read;
            if (read < wanted)
            {
                throw Invalid(path, $"is truncated: {length} bytes of data were expected after the header but the data ends after {filled} bytes.");
            }
        }

        Finish(stream, path, dimensions, count, fileLength);
        return (dimensions, values);
    }

    /// <summary>
    /// Reads and checks only the header of an IDX file: cheap even for a large gzipped file. For a raw
    /// file the declared size is also compared with the file's length.
    /// </summary>
    /// <param name="path">The file, raw or gzipped.</param>
    /// <returns>The size of each dimension, outermost first.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header is invalid, as for <see cref="Read"/>.</exception>
    public static IReadOnlyList<int> ReadDimensions(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using Stream stream = Open(path, out long? fileLength);
        return ReadHeader(stream, path, fileLength);
    }

    /// <summary>Dimensions as text for messages, such as <c>60000x28x28</c>.</summary>
    internal static string Describe(IReadOnlyList<int> dimensions) => string.Join("x", dimensions);

    /// <summary>Opens the file, reads its header and works out how many items to read.</summary>
    private static (Stream Stream, int[] Dimensions, int Count, int ItemSize, long? FileLength) Begin(string path, int? maxItems)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (maxItems is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "maxItems must be positive when given.");
        }

        Stream stream = Open(path, out long? fileLength);
        try
        {
            int[] dimensions = ReadHeader(stream, path, fileLength);
            int itemSize = 1;
            for (int i = 1; i < dimensions.Length; i++)
            {
                itemSize *= dimensions[i];
            }

            int count = maxItems is int limit && limit < dimensions[0] ? limit : dimensions[0];
            return (stream, dimensions, count, itemSize, fileLength);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>After the data: rejects trailing bytes of a fully read gzip file and records the items read.</summary>
    private static void Finish(Stream stream, string path, int[] dimensions, int count, long? fileLength)
    {
        if (count == dimensions[0] && fileLength is null)
        {
            RejectTrailingBytes(stream, path, dimensions);
        }

        dimensions[0] = count;
    }

    private static Stream Open(string path, out long? fileLength)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The IDX file '{path}' does not exist.", path);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, DrainBufferBytes, FileOptions.SequentialScan);
        try
        {
            Span<byte> start = stackalloc byte[2];
            int read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            file.Position = 0;
            if (read == start.Length && start[0] == 0x1F && start[1] == 0x8B)
            {
                fileLength = null;
                return new GZipStream(file, CompressionMode.Decompress);
            }

            fileLength = file.Length;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static int[] ReadHeader(Stream stream, string path, long? fileLength)
    {
        Span<byte> magic = stackalloc byte[4];
        int read = Fill(stream, magic, path);
        if (read == 0)
        {
            throw Invalid(path, "is empty; expected an IDX header (magic number 00 00 08 <dimension count>, then the dimension sizes).");
        }

        if (read < magic.Length)
        {
            throw Invalid(path, $"is too short to be an IDX file: it ends after {read} bytes, inside the 4-byte magic number.");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw Invalid(
                path,
                $"does not start with an IDX magic number: expected 00 00 <type> <dimension count> but found {Convert.ToHexString(magic)}. Is it an IDX file?");
        }

        if (magic[2] != UnsignedByteType)
        {
            throw Invalid(path, $"has IDX data type 0x{magic[2]:X2} ({TypeName(magic[2])}); only 0x08 (unsigned byte) is supported.");
        }

        int rank = magic[3];
        if (rank == 0)
        {
            throw Invalid(path, "declares 0 dimensions in its magic number; an IDX file needs at least one.");
        }

        byte[] sizes = new byte[4 * rank];
        read = Fill(stream, sizes, path);
        if (read < sizes.Length)
        {
            throw Invalid(path, $"is truncated inside its header: it declares {rank} dimensions ({sizes.Length} bytes of sizes) but only {read} bytes follow the magic number.");
        }

        int[] dimensions = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(sizes.AsSpan(4 * i));
        }

        int bad = Array.FindIndex(dimensions, d => d <= 0);
        if (bad >= 0)
        {
            throw Invalid(path, $"declares dimension {bad} with size {dimensions[bad]} (dimensions {Describe(dimensions)}); every dimension must be positive.");
        }

        BigInteger total = dimensions.Aggregate(BigInteger.One, (product, size) => product * size);
        if (fileLength is long length)
        {
            long dataBytes = length - magic.Length - sizes.Length;
            if (total > dataBytes)
            {
                throw Invalid(path, $"is truncated: its header declares {Describe(dimensions)} = {total} values but only {dataBytes} bytes of data follow the header.");
            }

            if (total < dataBytes)
            {
                throw TrailingBytes(path, dataBytes - (long)total, dimensions);
            }
        }

        if (total > Array.MaxLength)
        {
            throw Invalid(path, $"declares {Describe(dimensions)} = {total} values, more than the {Array.MaxLength} an array can hold: the header is corrupt or the file is too large to load.");
        }

        return dimensions;
    }

    private static byte[] ReadData(Stream stream, string path, int length, bool lengthVerified)
    {
        byte[] data = new byte[lengthVerified ? length : Math.Min(length, InitialUnverifiedBufferBytes)];
        int filled = 0;
        while (true)
        {
            filled += Fill(stream, data.AsSpan(filled), path);
            if (filled == length)
            {
                return data;
            }

            if (filled < data.Length)
            {
                throw Invalid(path, $"is truncated: {length} bytes of data were expected after the header but the data ends after {filled} bytes.");
            }

            Array.Resize(ref data, (int)Math.Min(length, 2L * data.Length));
        }
    }

    private static void RejectTrailingBytes(Stream stream, string path, int[] dimensions)
    {
        byte[] buffer = new byte[DrainBufferBytes];
        long extra = 0;
        int read;
        while ((read = Fill(stream, buffer, path)) > 0)
        {
            extra += read;
        }

        if (extra > 0)
        {
            throw TrailingBytes(path, extra, dimensions);
        }
    }

    private static int Fill(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw Invalid(path, $"is not a valid gzip file: {e.Message}", e);
        }
    }

    private static InvalidDataException TrailingBytes(string path, long extra, int[] dimensions) =>
        Invalid(path, $"has {extra} trailing bytes after the data its header declares ({Describe(dimensions)} values).");

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"The IDX file '{path}' {problem}", inner);

    private static string TypeName(byte type) => type switch
    {
        0x09 => "signed byte",
        0x0B => "16-bit integer",
        0x0C => "32-bit integer",
        0x0D => "32-bit float",
        0x0E => "64-bit float",
        _ => "not an IDX data type",
    };
}
