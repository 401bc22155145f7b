using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Examples.TabularComparison;

/// <summary>
/// One of the repository's CSV data sets (a header row, the features, then <c>target</c>) and what is learned from it.
/// Loaded with <c>mlContext.Data.LoadFromTextFile</c> and a schema built from the header: the features as one vector
/// column "Features", the target as "Label" (Boolean for binary classification, Single otherwise).
/// </summary>
/// <param name="Name">The file's name without ".csv".</param>
/// <param name="Task">What is learned.</param>
/// <param name="Description">What the rows and the target are, for the table's title.</param>
internal sealed record TabularDataset(string Name, MlpTask Task, string Description)
{
    private const string TargetColumn = "target";

    /// <summary>Loads the file from <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">The header does not end with the target column.</exception>
    public IDataView Load(MLContext ml, string folder)
    {
        string path = Path.Combine(folder, Name + ".csv");
        string[] header = File.ReadLines(path).First().Split(',');
        if (header.Length < 2 || header[^1] != TargetColumn)
        {
            throw new InvalidDataException($"'{path}' should have a header row of feature names ending with '{TargetColumn}' but has '{string.Join(",", header)}'.");
        }

        int features = header.Length - 1;
        TextLoader.Column[] columns =
        [
            new("Features", DataKind.Single, 0, features - 1),
            new("Label", Task == MlpTask.BinaryClassification ? DataKind.Boolean : DataKind.Single, features),
        ];
        return ml.Data.LoadFromTextFile(path, columns, separatorChar: ',', hasHeader: true);
    }
}
