namespace MLNetScratchTrainer.Engine.Serialization;

/// <summary>
/// Replaces a file all at once: the content is written to a temporary file beside the target, flushed to disk, and
/// renamed over the target. Whatever happens meanwhile — an exception, or the process killed — the target holds either
/// its old content or the complete new one.
/// </summary>
/// <remarks>
/// The temporary file is named <c>.&lt;file name&gt;.&lt;random&gt;.tmp</c> in the target's folder (a rename is atomic only
/// within one file system). An exception deletes it; a killed process cannot, and leaves it behind: it is never read,
/// never reused (every save picks a new random name), and can be deleted at any time.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the complete content to the stream it is given.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string temporary = TemporaryPath(full);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The pattern of the temporary files a save of <paramref name="path"/> creates, for <see cref="Directory.GetFiles(string, string)"/>.</summary>
    public static string TemporaryPattern(string path) => $".{Path.GetFileName(path)}.*.tmp";

    private static string TemporaryPath(string full)
        => Path.Combine(Path.GetDirectoryName(full)!, TemporaryPattern(full).Replace("*", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));
}
