namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>
/// The folder an example writes into. Every file is named through <see cref="File"/>, so the example can list what
/// it wrote and check, at the end, that each file exists and is not empty.
/// </summary>
public sealed class OutputFolder
{
    private readonly List<(string Path, string Description)> _files = [];

    /// <summary>Creates the folder (and its parents) when missing.</summary>
    public OutputFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(FullPath);
    }

    /// <summary>The absolute path of the folder.</summary>
    public string FullPath { get; }

    /// <summary>Returns the path of a file in the folder and records that the example will write it.</summary>
    /// <param name="name">The file name, such as "loss.svg".</param>
    /// <param name="description">What the file shows, for the closing summary.</param>
    public string File(string name, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string path = Path.Combine(FullPath, name);
        _files.Add((path, description));
        return path;
    }

    /// <summary>Throws when a named file was not written or is empty.</summary>
    /// <exception cref="CheckFailedException">A file is missing or empty.</exception>
    public void VerifyWritten()
    {
        foreach (var (path, _) in _files)
        {
            var info = new FileInfo(path);
            Check.That(info.Exists && info.Length > 0, $"The output '{path}' was not written (or is empty).");
        }
    }

    /// <summary>Writes one line per file: its path and what it shows.</summary>
    public void PrintSummary(TextWriter writer)
    {
        writer.WriteLine($"Outputs in {FullPath}:");
        foreach (var (path, description) in _files)
        {
            writer.WriteLine($"  {Path.GetFileName(path),-28} {description}");
        }
    }
}
