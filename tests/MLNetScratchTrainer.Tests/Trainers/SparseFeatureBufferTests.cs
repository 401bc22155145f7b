using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Tests.Support;

namespace MLNetScratchTrainer.Tests.Trainers;

[TestClass]
public sealed class SparseFeatureBufferTests
{
    private const int Slots = 12_000;

    [TestMethod]
    public void Fit_WideSparseColumn_TrainsOnSparseRowsAndPredictsHeldOutRows()
    {
        // A bag of 12,000 "words": words 0–49 signal true, 50–99 false, a few random others are noise. Densified, the
        // 600 training rows would be 29 MB; read as CSR they hold 4 values each.
        var ml = new MLContext(seed: 1);
        var options = FastOptions.Create(epochs: 15);
        options.HiddenLayers = [16];
        var model = ml.BinaryClassification.Trainers.Mlp(options).Fit(ml.Data.LoadFromEnumerable(Rows(600, seed: 1)));

        var metrics = ml.BinaryClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(Rows(300, seed: 2))));

        Assert.IsGreaterThan(0.95, metrics.Accuracy);
        Assert.AreEqual(Slots, model.Model.InputSize);
    }

    [TestMethod]
    public void Fit_WideSparseColumnWithNaN_NamesRowAndSlot()
    {
        var ml = new MLContext(seed: 1);
        var rows = Rows(20, seed: 3);
        rows[7].Features = new VBuffer<float>(Slots, 2, [1f, float.NaN], [5, 11_000]);

        var exception = Assert.ThrowsExactly<ArgumentException>(() => ml.BinaryClassification.Trainers.Mlp(FastOptions.Create()).Fit(ml.Data.LoadFromEnumerable(rows)));

        Assert.Contains("Row 7", exception.Message);
        Assert.Contains("slot 11000 of feature column 'Features' is NaN", exception.Message);
    }

    internal static SparseRow[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new SparseRow[count];
        for (int i = 0; i < count; i++)
        {
            bool label = i % 2 == 0;
            int signal = (label ? 0 : 50) + random.Next(50);
            int[] noise = [.. Enumerable.Range(0, 3).Select(_ => 100 + random.Next(Slots - 100)).Distinct().Order()];
            rows[i] = new SparseRow
            {
                Label = label,
                Features = new VBuffer<float>(Slots, 1 + noise.Length, [1f, .. noise.Select(_ => 0.5f)], [signal, .. noise]),
            };
        }

        return rows;
    }

    /// <summary>One row: a Boolean label and a sparse vector of <see cref="Slots"/> slots.</summary>
    public sealed class SparseRow
    {
        public bool Label { get; set; }

        [VectorType(Slots)]
        public VBuffer<float> Features { get; set; }
    }
}
