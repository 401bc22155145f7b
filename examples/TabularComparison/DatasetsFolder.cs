namespace MLNetScratchTrainer.Examples.TabularComparison;

/// <summary>Finds the repository's <c>datasets</c> folder, from the current folder or the program's, walking upwards.</summary>
internal static class DatasetsFolder
{
    /// <summary>The folder holding <paramref name="probeFile"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No <c>datasets</c> folder with that file lies above either start.</exception>
    public static string Find(string probeFile)
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (string start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, "datasets");
                if (File.Exists(Path.Combine(candidate, probeFile)))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No datasets/{probeFile} was found above {string.Join(" or ", starts)}; run the example from the repository.");
    }
}
