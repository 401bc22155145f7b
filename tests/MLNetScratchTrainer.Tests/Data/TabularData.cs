using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Tests.Data;

/// <summary>
/// The repository's <c>datasets/*.csv</c> files (header row, features, then a last column <c>target</c>) as data views
/// with one Single column per feature and the target as <c>target</c>, and a deterministic train/test split.
/// </summary>
internal sealed class TabularData
{
    private TabularData(IDataView data, string[] featureNames)
    {
        Data = data;
        FeatureNames = featureNames;
    }

    /// <summary>Every row.</summary>
    public IDataView Data { get; }

    /// <summary>The feature columns, in file order.</summary>
    public string[] FeatureNames { get; }

    /// <summary>
    /// Loads <c>datasets/{name}.csv</c>, reading the target as <paramref name="targetKind"/> and the features as one
    /// Single column each or, with <paramref name="vectorFeatures"/>, as one vector column <c>RawFeatures</c>.
    /// </summary>
    public static TabularData Load(MLContext mlContext, string name, DataKind targetKind = DataKind.Single, bool vectorFeatures = false)
    {
        string path = Path.Combine(FindDatasets(), name + ".csv");
        string[] header = File.ReadLines(path).First().Split(',');
        int features = header.Length - 1;
        var target = new TextLoader.Column("target", targetKind, features);
        TextLoader.Column[] columns = vectorFeatures
            ? [new TextLoader.Column("RawFeatures", DataKind.Single, 0, features - 1), target]
            : [.. header[..^1].Select((column, index) => new TextLoader.Column(column, DataKind.Single, index)), target];
        var data = mlContext.Data.LoadFromTextFile(path, new TextLoader.Options { Columns = columns, HasHeader = true, Separators = [','] });
        return new TabularData(data, vectorFeatures ? ["RawFeatures"] : header[..^1]);
    }

    /// <summary>Number of features per row.</summary>
    public int FeatureCount => FeatureNames.Length == 1 && Data.Schema[FeatureNames[0]].Type is VectorDataViewType vector ? vector.Size : FeatureNames.Length;

    /// <summary>An 80/20 split with a fixed seed: the same rows on every run.</summary>
    public DataOperationsCatalog.TrainTestData Split(MLContext mlContext) => mlContext.Data.TrainTestSplit(Data, testFraction: 0.2, seed: 7);

    private static string FindDatasets()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "datasets");
            if (File.Exists(Path.Combine(candidate, "iris.csv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No datasets/iris.csv above {AppContext.BaseDirectory}.");
    }
}
