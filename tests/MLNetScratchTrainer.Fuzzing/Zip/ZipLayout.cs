using System.Buffers.Binary;

namespace MLNetScratchTrainer.Fuzzing.Zip;

/// <summary>
/// The records of a well-formed zip file as raw byte positions: every size, offset and count field of the local headers,
/// the central directory and its end record, and every boundary between records, names and data. The mutator forges
/// these fields and truncates at these boundaries.
/// </summary>
/// <remarks>
/// Layout (APPNOTE.TXT §4.3): each entry is a 30-byte local header, its name, extra field and data; then one 46-byte
/// central-directory record per entry with name, extra field and comment; then the 22-byte end-of-central-directory record.
/// </remarks>
public sealed class ZipLayout
{
    private const uint LocalSignature = 0x04034b50;
    private const uint CentralSignature = 0x02014b50;
    private const uint EndSignature = 0x06054b50;

    private ZipLayout(List<ZipField> fields, SortedSet<int> boundaries)
    {
        Fields = fields;
        Boundaries = [.. boundaries];
    }

    /// <summary>The integer fields a forger would change: sizes, offsets, counts, lengths, CRCs, methods and flags.</summary>
    public IReadOnlyList<ZipField> Fields { get; }

    /// <summary>Every position where a record, a name, an extra field or entry data starts or ends, ascending.</summary>
    public IReadOnlyList<int> Boundaries { get; }

    /// <summary>Parses <paramref name="zip"/>, which must be a well-formed archive without a comment or zip64 records.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static ZipLayout Parse(byte[] zip)
    {
        int end = zip.Length - 22;
        if (end < 0 || ReadUInt32(zip, end) != EndSignature)
        {
            throw new ArgumentException("Not a zip file ending with a comment-less end-of-central-directory record.", nameof(zip));
        }

        var fields = new List<ZipField>();
        var boundaries = new SortedSet<int> { 0, end, zip.Length };
        AddFields(fields, end, "end", ("entries_on_disk", 8, 2), ("entries", 10, 2), ("directory_size", 12, 4), ("directory_offset", 16, 4), ("comment_length", 20, 2));

        int entries = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        int central = (int)ReadUInt32(zip, end + 16);
        for (int i = 0; i < entries; i++)
        {
            if (ReadUInt32(zip, central) != CentralSignature)
            {
                throw new ArgumentException($"Central-directory record {i} is missing.", nameof(zip));
            }

            string name = $"central[{i}]";
            AddFields(fields, central, name, ("flags", 8, 2), ("method", 10, 2), ("crc", 16, 4), ("compressed_size", 20, 4), ("uncompressed_size", 24, 4), ("name_length", 28, 2), ("extra_length", 30, 2), ("comment_length", 32, 2), ("local_header_offset", 42, 4));
            int nameLength = ReadUInt16(zip, central + 28), extraLength = ReadUInt16(zip, central + 30), commentLength = ReadUInt16(zip, central + 32);
            int local = (int)ReadUInt32(zip, central + 42);
            boundaries.UnionWith([central, central + 46, central + 46 + nameLength, central + 46 + nameLength + extraLength]);
            AddLocalHeader(zip, local, i, fields, boundaries);
            central += 46 + nameLength + extraLength + commentLength;
        }

        return new ZipLayout(fields, boundaries);
    }

    private static void AddLocalHeader(byte[] zip, int local, int index, List<ZipField> fields, SortedSet<int> boundaries)
    {
        if (ReadUInt32(zip, local) != LocalSignature)
        {
            throw new ArgumentException($"Local header {index} is missing.", nameof(zip));
        }

        AddFields(fields, local, $"local[{index}]", ("flags", 6, 2), ("method", 8, 2), ("crc", 14, 4), ("compressed_size", 18, 4), ("uncompressed_size", 22, 4), ("name_length", 26, 2), ("extra_length", 28, 2));
        int data = local + 30 + ReadUInt16(zip, local + 26) + ReadUInt16(zip, local + 28);
        boundaries.UnionWith([local, local + 30, local + 30 + ReadUInt16(zip, local + 26), data, data + (int)ReadUInt32(zip, local + 18)]);
    }

    private static void AddFields(List<ZipField> fields, int record, string recordName, params (string Name, int Offset, int Width)[] layout)
        => fields.AddRange(layout.Select(f => new ZipField(record + f.Offset, f.Width, $"{recordName}.{f.Name}")));

    private static uint ReadUInt32(byte[] zip, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset));

    private static int ReadUInt16(byte[] zip, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset));
}
