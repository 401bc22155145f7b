using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Tests.Support;
using MLNetScratchTrainer.Tests.Trainers;

namespace MLNetScratchTrainer.Tests.Transformers;

/// <summary>
/// Sparse feature vectors are scored from their non-zeros (never densified) and give the scores of the same rows
/// stored densely, through <c>Transform</c> and through <c>PredictionEngine</c>.
/// </summary>
[TestClass]
public sealed class SparseScoringTests
{
    [TestMethod]
    public void SparseRowsScoreAsTheSameRowsStoredDensely()
    {
        var ml = new MLContext(seed: 1);
        var options = FastOptions.Create(epochs: 5);
        options.HiddenLayers = [16];
        var model = ml.BinaryClassification.Trainers.Mlp(options).Fit(ml.Data.LoadFromEnumerable(SparseFeatureBufferTests.Rows(300, seed: 1)));
        var rows = SparseFeatureBufferTests.Rows(40, seed: 2);
        var denseRows = rows.Select(row => new SparseFeatureBufferTests.SparseRow { Label = row.Label, Features = Densify(row.Features) }).ToArray();

        var sparse = Scores(ml, model.Transform(ml.Data.LoadFromEnumerable(rows)));
        var dense = Scores(ml, model.Transform(ml.Data.LoadFromEnumerable(denseRows)));
        var engine = ml.Model.CreatePredictionEngine<SparseFeatureBufferTests.SparseRow, BinaryPrediction>(model);
        var viaEngine = rows.Select(row => engine.Predict(row).Score).ToArray();

        Assert.IsTrue(rows.All(row => !row.Features.IsDense) && denseRows.All(row => row.Features.IsDense), "the two inputs differ only in storage");
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.AreEqual(dense[i], sparse[i], 1e-5f * Math.Max(1f, Math.Abs(dense[i])), $"row {i}");
            Assert.AreEqual(sparse[i], viaEngine[i], $"row {i}: PredictionEngine and Transform");
        }

        Assert.IsGreaterThan(0.1f, sparse.Max() - sparse.Min(), "the scores differ between rows, so the comparison means something");
    }

    private static float[] Scores(MLContext ml, IDataView scored)
        => [.. ml.Data.CreateEnumerable<BinaryPrediction>(scored, reuseRowObject: false).Select(prediction => prediction.Score)];

    private static VBuffer<float> Densify(VBuffer<float> row)
    {
        var values = new float[row.Length];
        row.CopyTo(values);
        return new VBuffer<float>(row.Length, values);
    }
}
