namespace MLNetScratchTrainer.Testing;

/// <summary>
/// A fresh folder under the system temp folder, deleted with everything in it on dispose. Shared by every test
/// project (linked in by tests/Directory.Build.props).
/// </summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlnst-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's absolute path.</summary>
    public string Path { get; }

    /// <summary>The path of a file named <paramref name="name"/> in the folder (not created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file into the folder and returns its path.</summary>
    public string Write(string name, byte[] content)
    {
        string file = File(name);
        System.IO.File.WriteAllBytes(file, content);
        return file;
    }

    /// <summary>Writes a text file into the folder and returns its path.</summary>
    public string WriteText(string name, string content)
    {
        string file = File(name);
        System.IO.File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
