using System.Buffers.Binary;
using MLNetScratchTrainer.Fuzzing.Targets;
using MLNetScratchTrainer.Fuzzing.Zip;

namespace MLNetScratchTrainer.Fuzzing.Mutations;

/// <summary>
/// Seeded mutations of a target's valid model file, at four levels: raw bytes of the file (bit flips, overwrites,
/// truncation, forged zip header fields), the entry list (swapped, duplicated, dropped entries, <c>..</c> and absolute
/// paths), entry contents behind a valid CRC (damaged payloads, forged length prefixes, mutated JSON, a mutated embedded
/// model), and zip bombs. The same seed gives the same cases.
/// </summary>
public sealed class Mutator
{
    private static readonly string[] HostilePaths = ["../{0}", "../../../../../../escaped/{0}", "/{0}", "a/../../{0}", "C:\\{0}", "..\\{0}", "{0}/..", "./{0}"];

    private readonly ILoaderTarget _target;
    private readonly byte[] _valid;
    private readonly ZipLayout _layout;
    private readonly List<(string Name, byte[] Content)> _entries;
    private readonly ZipBombs _bombs;

    /// <summary>Prepares mutations of <paramref name="target"/>'s valid file.</summary>
    public Mutator(ILoaderTarget target)
    {
        _target = target;
        _valid = target.ValidFile;
        _layout = ZipLayout.Parse(_valid);
        _entries = ZipEntries.Read(_valid);
        _bombs = new ZipBombs(_valid);
    }

    /// <summary>The file truncated at every record, name and data boundary, and one byte either side of it.</summary>
    public IEnumerable<FuzzCase> EveryTruncation()
        => _layout.Boundaries.SelectMany(b => new[] { b - 1, b, b + 1 }).Where(n => n >= 0 && n < _valid.Length).Distinct()
            .Select(n => new FuzzCase("truncation", $"cut to {n} of {_valid.Length} bytes", _valid[..n]));

    /// <summary>An endless stream of random cases from <paramref name="seed"/>; zip bombs only when <paramref name="bombs"/>.</summary>
    public IEnumerable<FuzzCase> Random(int seed, bool bombs = true)
    {
        var random = new Random(seed);
        while (true)
        {
            yield return random.Next(bombs ? 12 : 11) switch
            {
                0 => BitFlips(random, _valid, "bit-flip"),
                1 => Overwrite(random, _valid, "byte-overwrite"),
                2 => Truncate(random),
                3 or 4 => ForgeField(random, _valid, "zip-field"),
                5 => ReorderEntries(random),
                6 => RenameEntry(random),
                7 or 8 => MutateContent(random),
                9 => MutateEmbeddedModel(random) ?? MutateContent(random),
                10 => MutateJson(random) ?? BitFlips(random, _valid, "bit-flip"),
                _ => _bombs.Next(random),
            };
        }
    }

    private static FuzzCase BitFlips(Random random, byte[] file, string kind)
    {
        byte[] bytes = (byte[])file.Clone();
        int flips = random.Next(1, 5);
        var positions = new List<int>();
        for (int i = 0; i < flips; i++)
        {
            int bit = random.Next(bytes.Length * 8);
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            positions.Add(bit);
        }

        return new FuzzCase(kind, $"bits {string.Join(',', positions)} flipped", bytes);
    }

    private static FuzzCase Overwrite(Random random, byte[] file, string kind)
    {
        byte[] bytes = (byte[])file.Clone();
        int length = Math.Min(random.Next(1, 9), bytes.Length);
        int start = random.Next(bytes.Length - length + 1);
        byte value = (byte)((int[])[0x00, 0xFF, 0x7F, 0x80, random.Next(256)])[random.Next(5)];
        bytes.AsSpan(start, length).Fill(value);
        return new FuzzCase(kind, $"bytes {start}..{start + length} set to 0x{value:X2}", bytes);
    }

    private FuzzCase Truncate(Random random)
    {
        int length = random.Next(3) == 0 ? random.Next(_valid.Length) : Math.Clamp(_layout.Boundaries[random.Next(_layout.Boundaries.Count)] + random.Next(-1, 2), 0, _valid.Length - 1);
        return new FuzzCase("truncation", $"cut to {length} of {_valid.Length} bytes", _valid[..length]);
    }

    private static FuzzCase ForgeField(Random random, byte[] file, string kind)
    {
        var fields = ZipLayout.Parse(file).Fields;
        var field = fields[random.Next(fields.Count)];
        byte[] bytes = (byte[])file.Clone();
        var span = bytes.AsSpan(field.Offset, field.Width);
        uint original = field.Width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
        uint value = InterestingValues.Pick(random, original, field.Width);
        if (field.Width == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }

        return new FuzzCase(kind, $"{field.Name} {original} -> {value}", bytes);
    }

    private FuzzCase ReorderEntries(Random random)
    {
        var entries = _entries.ToList();
        int a = random.Next(entries.Count), b = random.Next(entries.Count);
        string detail;
        switch (random.Next(4))
        {
            case 0:
                (entries[a], entries[b]) = (entries[b], entries[a]);
                detail = $"entries {a} and {b} swapped";
                break;
            case 1:
                entries.Insert(b, entries[a]);
                detail = $"entry {entries[a].Name} duplicated at {b}";
                break;
            case 2:
                entries.RemoveAt(a);
                detail = $"entry {_entries[a].Name} dropped";
                break;
            default:
                (entries[a], entries[b]) = ((entries[a].Name, entries[b].Content), (entries[b].Name, entries[a].Content));
                detail = $"contents of {entries[a].Name} and {entries[b].Name} swapped";
                break;
        }

        return new FuzzCase("entry-order", detail, ZipEntries.Write(entries), Rewritten: true);
    }

    private FuzzCase RenameEntry(Random random)
    {
        var entries = _entries.ToList();
        int index = random.Next(entries.Count);
        string original = entries[index].Name;
        string name = string.Format(System.Globalization.CultureInfo.InvariantCulture, HostilePaths[random.Next(HostilePaths.Length)], original);
        bool keepOriginal = random.Next(2) == 0;
        if (keepOriginal)
        {
            entries.Add((name, entries[index].Content));
        }
        else
        {
            entries[index] = (name, entries[index].Content);
        }

        return new FuzzCase("entry-path", $"{original} {(keepOriginal ? "also stored" : "renamed")} as '{name}'", ZipEntries.Write(entries), Rewritten: true);
    }

    private FuzzCase MutateContent(Random random)
    {
        var entries = _entries.ToList();
        int index = random.Next(entries.Count);
        byte[] content = entries[index].Content;
        FuzzCase mutated = random.Next(4) switch
        {
            0 => BitFlips(random, content, "content"),
            1 => Overwrite(random, content, "content"),
            2 => new FuzzCase("content", $"cut to {random.Next(content.Length)} bytes", content[..random.Next(content.Length)]),
            _ => ForgeInt32(random, content),
        };
        entries[index] = (entries[index].Name, mutated.Bytes);
        return new FuzzCase("entry-content", $"{entries[index].Name}: {mutated.Detail}", ZipEntries.Write(entries), Rewritten: true);
    }

    private static FuzzCase ForgeInt32(Random random, byte[] content)
    {
        byte[] bytes = (byte[])content.Clone();
        int offset = random.Next(Math.Max(1, bytes.Length - 3));
        int value = InterestingValues.PickInt32(random);
        if (bytes.Length >= 4)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);
        }

        return new FuzzCase("content", $"int32 at {offset} set to {value}", bytes);
    }

    /// <summary>A length-preserving mutation of the engine model inside an entry (or its length prefix), or null when there is none.</summary>
    private FuzzCase? MutateEmbeddedModel(Random random)
    {
        var entries = _entries.ToList();
        for (int index = 0; index < entries.Count; index++)
        {
            if (_target.FindEmbeddedModel(entries[index].Name, entries[index].Content) is not { } range)
            {
                continue;
            }

            byte[] content = (byte[])entries[index].Content.Clone();
            string detail;
            int kind = random.Next(4);
            if (kind == 3)
            {
                int value = InterestingValues.PickInt32(random);
                BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(range.Start.Value - 4), value);
                detail = $"length prefix set to {value}";
            }
            else
            {
                byte[] model = content[range];
                var mutated = kind switch
                {
                    0 => BitFlips(random, model, "embedded"),
                    1 => Overwrite(random, model, "embedded"),
                    _ => ForgeField(random, model, "embedded"),
                };
                mutated.Bytes.CopyTo(content, range.Start.Value);
                detail = mutated.Detail;
            }

            entries[index] = (entries[index].Name, content);
            return new FuzzCase("embedded-model", $"{entries[index].Name}: {detail}", ZipEntries.Write(entries));
        }

        return null;
    }

    /// <summary>A JSON entry mutated by <see cref="JsonMutations"/>, or null when the file has no JSON entry.</summary>
    private FuzzCase? MutateJson(Random random)
    {
        var json = _entries.Select((e, i) => (e, i)).Where(x => x.e.Content is [(byte)'{', ..]).ToList();
        if (json.Count == 0)
        {
            return null;
        }

        var ((name, content), index) = json[random.Next(json.Count)];
        var entries = _entries.ToList();
        entries[index] = (name, JsonMutations.Mutate(random, content, out string detail));
        return new FuzzCase("json", $"{name}: {detail}", ZipEntries.Write(entries), Rewritten: true);
    }
}
