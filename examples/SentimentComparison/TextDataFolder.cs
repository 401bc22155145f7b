namespace MLNetScratchTrainer.Examples.SentimentComparison;

/// <summary>Finds the text data set's folder (<c>shared/datasets/text</c> beside or above the repository, or <c>datasets/text</c> inside it).</summary>
internal static class TextDataFolder
{
    /// <summary>The training file's name, which marks the folder.</summary>
    public const string TrainFile = "fine_foods_train.csv";

    /// <summary>The test file's name.</summary>
    public const string TestFile = "fine_foods_test.csv";

    /// <summary>The folder holding <see cref="TrainFile"/>, searched upwards from the current folder and the program's.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder lies above either start.</exception>
    public static string Find()
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (string start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                foreach (string candidate in new[] { Path.Combine(folder.FullName, "shared", "datasets", "text"), Path.Combine(folder.FullName, "datasets", "text") })
                {
                    if (File.Exists(Path.Combine(candidate, TrainFile)))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException($"No shared/datasets/text/{TrainFile} (or datasets/text/{TrainFile}) was found above {string.Join(" or ", starts)}.");
    }
}
