using System.Buffers.Binary;
using System.IO.Compression;
using MLNetScratchTrainer.Fuzzing.Zip;

namespace MLNetScratchTrainer.Fuzzing.Mutations;

/// <summary>
/// Zip bombs: one entry of a model replaced by 128 MiB that deflate to a few hundred kilobytes (zeros, or JSON
/// whitespace after an opening brace so that a JSON reader keeps reading), its declared size either honest or forged
/// to the entry's original size. A loader that believes the declared size, or inflates before checking, allocates
/// or spends far past the fuzzer's limits.
/// </summary>
internal sealed class ZipBombs(byte[] validFile)
{
    /// <summary>Uncompressed size of a bomb: more than the 100 MB a case may allocate.</summary>
    public const int BombBytes = 128 << 20;

    private readonly List<(string Name, byte[] Content)> _entries = ZipEntries.Read(validFile);
    private readonly Dictionary<(int Entry, bool Json), byte[]> _honest = [];

    /// <summary>A bomb in place of a random entry.</summary>
    public FuzzCase Next(Random random)
    {
        int entry = random.Next(_entries.Count);
        bool json = random.Next(2) == 0;
        bool forged = random.Next(2) == 0;
        byte[] file = (byte[])Honest(entry, json).Clone();
        if (forged)
        {
            uint original = (uint)_entries[entry].Content.Length;
            foreach (var field in ZipLayout.Parse(file).Fields.Where(f => f.Name.EndsWith("uncompressed_size", StringComparison.Ordinal) && f.Name.Contains($"[{entry}]", StringComparison.Ordinal)))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(field.Offset), original);
            }
        }

        return new FuzzCase("zip-bomb", $"{_entries[entry].Name} replaced by {BombBytes >> 20} MiB of {(json ? "JSON whitespace" : "zeros")}, declared size {(forged ? "forged to the original" : "honest")}", file);
    }

    private byte[] Honest(int entry, bool json)
    {
        if (!_honest.TryGetValue((entry, json), out byte[]? file))
        {
            var content = new byte[BombBytes];
            if (json)
            {
                content.AsSpan().Fill((byte)' ');
                content[0] = (byte)'{';
            }

            var entries = _entries.ToList();
            entries[entry] = (entries[entry].Name, content);
            file = _honest[(entry, json)] = ZipEntries.Write(entries, CompressionLevel.Optimal);
        }

        return file;
    }
}
