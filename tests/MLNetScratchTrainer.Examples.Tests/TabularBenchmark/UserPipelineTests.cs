using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Examples.TabularBenchmark;

namespace MLNetScratchTrainer.Examples.Tests.TabularBenchmark;

[TestClass]
public sealed class UserPipelineTests
{
    // Quoted text, a text column with an empty field, a numeric column with an empty field, a two-valued text target.
    private const string Csv =
        "\"size\",\"colour\",\"weight\",\"target\"\n" +
        "1,\"red\",10,\"No\"\n" +
        "2,\"blue\",,\"Yes\"\n" +
        "3,\"red\",30,\"No\"\n" +
        "4,,20,\"Yes\"\n";

    private string _path = "";

    [TestInitialize]
    public void WriteFile()
    {
        _path = Path.Combine(Path.GetTempPath(), $"tabular-{Guid.NewGuid():N}.csv");
        File.WriteAllText(_path, Csv);
    }

    [TestCleanup]
    public void DeleteFile() => File.Delete(_path);

    [TestMethod]
    public void ReadsColumnKindsAndTaskFromTheValues()
    {
        var file = TabularFile.Read(_path);

        CollectionAssert.AreEqual(new[] { "size", "colour", "weight" }, file.FeatureNames.ToArray());
        CollectionAssert.AreEqual(new[] { ColumnKind.Numeric, ColumnKind.Text, ColumnKind.Numeric }, file.FeatureKinds.ToArray());
        Assert.AreEqual(MlpTask.BinaryClassification, file.Task);
        CollectionAssert.AreEqual(new[] { "No", "Yes" }, file.Classes.ToArray());
        Assert.AreEqual(4, file.Rows);
    }

    [TestMethod]
    public void OneHotEncodesTextImputesTheMeanAndScalesToTheUnitRange()
    {
        var ml = new MLContext(seed: 1);
        var file = TabularFile.Read(_path);
        var data = UserPipeline.Load(ml, file);

        var transformed = UserPipeline.Featurize(ml, file).Fit(data).Transform(data);
        float[][] features = [.. transformed.GetColumn<VBuffer<float>>(UserPipeline.Features).Select(row => row.DenseValues().ToArray())];
        bool[] labels = [.. transformed.GetColumn<bool>(UserPipeline.Label)];

        // size 1..4 → 0, 1/3, 2/3, 1; colour red, blue (the empty field is no category); weight 10, mean 20, 30, 20.
        // NormalizeMinMax keeps 0 at 0 and divides by the largest magnitude: size by 4, weight by 30.
        float[][] expected =
        [
            [1 / 4f, 1, 0, 10 / 30f],
            [2 / 4f, 0, 1, 20 / 30f],
            [3 / 4f, 1, 0, 30 / 30f],
            [4 / 4f, 0, 0, 20 / 30f],
        ];
        for (int row = 0; row < expected.Length; row++)
        {
            CollectionAssert.AreEqual(expected[row], features[row], new Tolerance(1e-6f), $"row {row}");
        }

        CollectionAssert.AreEqual(new[] { false, true, false, true }, labels);
    }

    private sealed class Tolerance(float tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => MathF.Abs((float)x! - (float)y!) <= tolerance ? 0 : 1;
    }
}
