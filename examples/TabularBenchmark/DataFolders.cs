namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// Where the benchmark's CSV files are: the repository's <c>datasets</c> folder and the shared
/// <c>shared/datasets/tabular-extra</c>, each found by walking upwards from the current folder and from the program's.
/// </summary>
internal static class DataFolders
{
    private static readonly string[] DefaultRelativePaths = ["datasets", Path.Combine("shared", "datasets", "tabular-extra")];

    /// <summary>The default folders that exist (at least one).</summary>
    /// <exception cref="DirectoryNotFoundException">Neither is found.</exception>
    public static IReadOnlyList<string> FindDefaults()
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        var found = DefaultRelativePaths.Select(relative => FindUpwards(starts, relative)).OfType<string>().ToArray();
        return found.Length > 0
            ? found
            : throw new DirectoryNotFoundException($"Neither {string.Join(" nor ", DefaultRelativePaths)} with CSV files was found above {string.Join(" or ", starts)}; give --data DIR.");
    }

    /// <summary>Every CSV file of <paramref name="folders"/>, by data set name; a name in two folders is taken from the first.</summary>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static IReadOnlyDictionary<string, string> CsvFiles(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The data folder '{folder}' does not exist.");
            }

            foreach (string file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
            {
                files.TryAdd(Path.GetFileNameWithoutExtension(file), file);
            }
        }

        return files;
    }

    private static string? FindUpwards(IEnumerable<string> starts, string relative)
    {
        foreach (string start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, relative);
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.csv").Any())
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
