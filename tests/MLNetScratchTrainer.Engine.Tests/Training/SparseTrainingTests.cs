using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class SparseTrainingTests
{
    private const int Words = 300;

    [TestMethod]
    public void Fit_SparseBagOfWords_LearnsAndPredictsTheDenseRowsAlike()
    {
        // Each row holds 6 of 300 "words"; words 0–9 signal class 1, words 10–19 class 0, the rest are noise.
        var (dense, sparse) = BagOfWords(600, seed: 1);
        var (testDense, _) = BagOfWords(300, seed: 2);
        var options = Options(threads: 1);

        var model = Quick.Fit(options, sparse);

        Assert.IsGreaterThan(0.95, ModelMetrics.Accuracy(model, testDense), "the model saved from sparse training predicts dense rows");
        Assert.IsLessThan(model.History.Epochs[0].TrainLoss, model.History.Epochs[^1].TrainLoss);
        Assert.AreEqual(dense.Count, sparse.Count);
    }

    [TestMethod]
    public void Fit_SparseData_OneOrTwoThreads_BitIdentical()
        => ModelAssert.BitIdentical(Quick.Fit(Options(threads: 1), BagOfWords(400, seed: 3).Sparse), Quick.Fit(Options(threads: 2), BagOfWords(400, seed: 3).Sparse));

    [TestMethod]
    public void Fit_SparseDataWithNullShapeOptions_UsesTheSparseRule()
    {
        var options = Options(threads: 1);
        options.HiddenLayers = null;
        options.NumberOfEpochs = null;

        var model = Quick.Fit(options, BagOfWords(200, seed: 7).Sparse);

        CollectionAssert.AreEqual(DataSizeRules.HiddenLayers(Words, sparse: true), model.Architecture.HiddenLayers.ToArray());
        Assert.HasCount(DataSizeRules.SparseEpochs, model.History.Epochs);
    }

    [TestMethod]
    public void Fit_SparseData_RefusesALinearSkip()
    {
        // The sparse first-layer path runs no skip (MlpTrainerOptions.LinearSkip): asking for one is an error naming it.
        var options = Options(threads: 1);
        options.LinearSkip = true;

        var exception = Assert.ThrowsExactly<ArgumentException>(() => Quick.Fit(options, BagOfWords(200, seed: 6).Sparse));

        StringAssert.Contains(exception.Message, "LinearSkip is not supported for sparse features");
    }

    [TestMethod]
    public void Fit_SparseData_SkipsWeightAveraging()
    {
        // Averaging would update every first-layer row at every step; sparse runs train without it, so asking for it
        // changes nothing (and on dense rows it does change the model: see WeightAverageTests).
        var averaged = Options(threads: 1);
        averaged.WeightAveragingEpochs = 1f;

        ModelAssert.BitIdentical(Quick.Fit(Options(threads: 1), BagOfWords(200, seed: 5).Sparse), Quick.Fit(averaged, BagOfWords(200, seed: 5).Sparse));
    }

    [TestMethod]
    public void Fit_SparseDataWithValidation_EarlyStoppingRuns()
    {
        var options = Options(threads: 1);
        options.ValidationFraction = 0.25f;
        options.EarlyStoppingPatience = 2;
        options.NumberOfEpochs = 40;

        var model = Quick.Fit(options, BagOfWords(400, seed: 4).Sparse);

        Assert.IsTrue(model.History.Epochs.All(e => e.ValidationLoss is not null), "every epoch is validated on sparse rows");
        Assert.IsGreaterThan(0.9, model.History.Epochs[^1].ValidationMetric!.Value);
    }

    [TestMethod]
    [DataRow(OptimizerKind.Sgd, 0f)]
    [DataRow(OptimizerKind.Adam, 0.01f)]
    public void Fit_SparseDataWithAnUnsupportedOptimizer_ThrowsNamingIt(OptimizerKind optimizer, float weightDecay)
    {
        var options = Options(threads: 1);
        options.Optimizer = optimizer;
        options.WeightDecay = weightDecay;

        var exception = Assert.ThrowsExactly<ArgumentException>(() => Quick.Fit(options, BagOfWords(50, seed: 5).Sparse));

        Assert.Contains($"{optimizer} with weight decay", exception.Message);
    }

    [TestMethod]
    public void Fit_SparseTrainingDenseValidation_Throws()
    {
        var (dense, sparse) = BagOfWords(50, seed: 6);
        var exception = Assert.ThrowsExactly<ArgumentException>(() => Quick.Fit(Options(threads: 1), sparse, dense));
        Assert.Contains("validation data is dense", exception.Message);
    }

    [TestMethod]
    public void SparseConstructor_NonFiniteValue_NamesRowAndColumn()
    {
        var features = new SparseMatrix(5);
        features.AppendRow([1], [1f]);
        features.AppendRow([], []);
        features.AppendRow([0, 3], [2f, float.NaN]);

        var exception = Assert.ThrowsExactly<ArgumentException>(() => new Dataset(features, [0f, 1f, 0f]));

        StringAssert.StartsWith(exception.Message, "The feature at row 2, column 3 is NaN");
    }

    private static MlpTrainerOptions Options(int threads)
    {
        var options = Quick.Options(MlpTask.BinaryClassification);
        options.Optimizer = OptimizerKind.AdamW;
        options.WeightDecay = 0.01f;
        options.NumberOfEpochs = 15;
        options.NumberOfThreads = threads;
        return options;
    }

    private static (Dataset Dense, Dataset Sparse) BagOfWords(int rows, int seed)
    {
        var rng = new Rng(seed);
        var dense = new float[rows * Words];
        var labels = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            int label = r % 2;
            labels[r] = label;
            dense[(r * Words) + (label == 1 ? 0 : 10) + rng.NextInt(10)] = 1f;
            for (int word = 0; word < 5; word++)
            {
                dense[(r * Words) + 20 + rng.NextInt(Words - 20)] = 0.5f;
            }
        }

        return (new Dataset(dense, Words, labels), new Dataset(SparseMatrix.FromDense(dense, rows, Words), (float[])labels.Clone()));
    }
}
