using System.IO.Compression;

namespace MLNetScratchTrainer.Fuzzing.Zip;

/// <summary>A zip file as its entries' names and uncompressed contents, in order; and back.</summary>
public static class ZipEntries
{
    /// <summary>The entries of <paramref name="zip"/>, decompressed, in file order.</summary>
    public static List<(string Name, byte[] Content)> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(entry =>
        {
            using var source = entry.Open();
            using var content = new MemoryStream();
            source.CopyTo(content);
            return (entry.FullName, content.ToArray());
        })];
    }

    /// <summary>A well-formed zip holding <paramref name="entries"/> in order (duplicate and odd names are written as given).</summary>
    public static byte[] Write(IEnumerable<(string Name, byte[] Content)> entries, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }
}
