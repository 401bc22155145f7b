namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>Finds files of the repository (such as the bundled data sets) from the test binaries' folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>The full path of <paramref name="relativePath"/>, searched for in every folder above the test assembly.</summary>
    public static string Find(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No '{relativePath}' above {AppContext.BaseDirectory}.");
    }
}
