using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Models;

[TestClass]
public sealed class PredictorSparseTests
{
    private const int Features = 41;

    /// <summary>Sparse rows: none stored, the first and last feature alone, a few spread out, and an explicit zero.</summary>
    private static readonly (int[] Indices, float[] Values)[] Rows =
    [
        ([], []),
        ([0], [1.5f]),
        ([Features - 1], [-2f]),
        ([2, 7, 19, 33, 40], [0.25f, -1f, 3f, 0.5f, 0.125f]),
        ([5, 6], [0f, 0.75f]),
    ];

    [TestMethod]
    [DataRow(MlpTask.MulticlassClassification)]
    [DataRow(MlpTask.BinaryClassification)]
    [DataRow(MlpTask.Regression)]
    public void PredictSparse_WithoutPreprocessing_EqualsPredictOnTheDenseRow(MlpTask task)
    {
        // As a model trained on sparse rows: no input preprocessing, so the first layer runs on the non-zeros alone.
        int outputs = task == MlpTask.BinaryClassification ? 1 : 3;
        var targetScaling = task == MlpTask.Regression ? new TargetScaling([2f, -1f, 0f], [3f, 0.5f, 1f]) : null;
        var model = RandomModels.Create(new MlpArchitecture(Features, [13, 6], outputs, task), seed: 1, targetScaling);

        AssertSparseEqualsDense(model);
    }

    [TestMethod]
    public void PredictSparse_WithPreprocessing_EqualsPredictOnTheDenseRowExactly()
    {
        // Preprocessing maps 0 to a non-zero input, so the row is filled densely and scaled: the very path of Predict.
        var rng = new Rng(2);
        float[] center = [.. Enumerable.Range(0, Features).Select(_ => rng.NextFloat() - 0.5f)];
        float[] scale = [.. Enumerable.Range(0, Features).Select(_ => 0.5f + rng.NextFloat())];
        var preprocessor = new InputPreprocessor(new float[Features], center, scale, clipBound: 3f, missingIndicatorFeatures: [4]);
        var architecture = new MlpArchitecture(preprocessor.OutputSize, [9], 2, MlpTask.MulticlassClassification);
        var network = RandomModels.Create(architecture, seed: 3).CreateNetwork();
        var model = MlpModel.FromNetwork(architecture, network, TrainingHistory.Empty, preprocessor: preprocessor);

        AssertSparseEqualsDense(model, tolerance: 0f);
    }

    [TestMethod]
    public void PredictSparse_WithALinearSkip_EqualsPredictOnTheDenseRowExactly()
    {
        // The sparse first-layer path has no skip, so a model with one fills the row densely: the very path of Predict.
        var model = RandomModels.Create(new MlpArchitecture(Features, [7], 3, MlpTask.MulticlassClassification, linearSkip: true), seed: 5);

        AssertSparseEqualsDense(model, tolerance: 0f);
    }

    [TestMethod]
    public void PredictSparse_IndicesOutOfOrder_ThrowsNamingThem()
    {
        var predictor = RandomModels.Create(new MlpArchitecture(Features, [4], 2, MlpTask.MulticlassClassification), seed: 4).CreatePredictor();

        var exception = Assert.ThrowsExactly<ArgumentException>(() => predictor.PredictSparse([7, 3], [1f, 1f], new float[2]));

        Assert.Contains("column index 3 at position 1 is out of range or order", exception.Message);
    }

    private static void AssertSparseEqualsDense(MlpModel model, float tolerance = 1e-5f)
    {
        var predictor = model.CreatePredictor();
        var dense = new float[Features];
        var expected = new float[model.OutputSize];
        var actual = new float[model.OutputSize];
        foreach (var (indices, values) in Rows)
        {
            dense.AsSpan().Clear();
            for (int i = 0; i < indices.Length; i++)
            {
                dense[indices[i]] = values[i];
            }

            string row = $"row [{string.Join(", ", indices)}]";
            predictor.Predict(dense, expected);
            predictor.PredictSparse(indices, values, actual);
            AssertClose(expected, actual, tolerance, row);
            predictor.PredictLogits(dense, expected);
            predictor.PredictSparse(indices, values, actual, logits: true);
            AssertClose(expected, actual, tolerance, $"logits, {row}");
        }
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance, string what)
    {
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.AreEqual(expected[j], actual[j], tolerance * Math.Max(1f, Math.Abs(expected[j])), $"{what}, output {j}");
        }
    }
}
