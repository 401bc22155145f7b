using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class DataSizeRulesTests
{
    [TestMethod]
    [DataRow(10, 32, 200)]
    [DataRow(135, 32, 200)]
    [DataRow(1_250, 39, 200)]
    [DataRow(4_800, 150, 52)]
    [DataRow(8_000, 250, 31)]
    [DataRow(25_000, 256, 10)]
    [DataRow(54_000, 256, 10)]
    [DataRow(1_000_000, 256, 10)]
    public void BatchSizeAndEpochsFollowTheWrittenRule(int rows, int batch, int epochs)
    {
        // Batch n/32 within [32, 256]; epochs 250,000/n within [10, 200].
        Assert.AreEqual(batch, DataSizeRules.BatchSize(rows));
        Assert.AreEqual(epochs, DataSizeRules.NumberOfEpochs(rows));
    }

    [TestMethod]
    [DataRow(177_833, 24)]
    [DataRow(20_000, 208)]
    [DataRow(10_000, 256)]
    [DataRow(5_000_000, 16)]
    public void SparseRowsGetOneLayerOfTheWeightBudgetOverTheFeaturesAndFewEpochs(int features, int units)
    {
        // 2^22 first-layer weights / features, to the nearest multiple of 8, within [16, 256]; 5 epochs whatever the rows.
        CollectionAssert.AreEqual(new[] { units }, DataSizeRules.HiddenLayers(features, sparse: true));
        Assert.AreEqual(5, DataSizeRules.NumberOfEpochs(400, sparse: true));
        Assert.AreEqual(5, DataSizeRules.NumberOfEpochs(1_000_000, sparse: true));
    }

    [TestMethod]
    [DataRow(1, 64)]
    [DataRow(4, 64)]
    [DataRow(9, 96)]
    [DataRow(10, 104)]
    [DataRow(30, 176)]
    [DataRow(40, 200)]
    [DataRow(63, 256)]
    [DataRow(784, 256)]
    [DataRow(177_833, 256)]
    public void DenseRowsGetThreeLayersOf32UnitsPerRootFeature(int features, int units)
    {
        // 32 · √k to the nearest multiple of 8, within [64, 256]: √9 · 32 = 96, √10 · 32 = 101.2 → 104, √40 · 32 = 202.4 → 200.
        CollectionAssert.AreEqual(new[] { units, units, units }, DataSizeRules.HiddenLayers(features, sparse: false));
        CollectionAssert.AreEqual(new[] { units, units, units }, new MlpTrainerOptions().HiddenLayersFor(features, sparse: false));
    }

    [TestMethod]
    [DataRow(100, 20)]
    [DataRow(4_999, 20)]
    [DataRow(5_000, 5)]
    [DataRow(100_000, 5)]
    public void EarlyStoppingPatienceFollowsTheWrittenRule(int rows, int patience)
    {
        // 20 epochs below 5,000 training rows, 5 from there on; an explicit value wins.
        Assert.AreEqual(patience, DataSizeRules.EarlyStoppingPatience(rows));
        Assert.AreEqual(patience, new MlpTrainerOptions().EarlyStoppingPatienceFor(rows));
        Assert.AreEqual(3, new MlpTrainerOptions { EarlyStoppingPatience = 3 }.EarlyStoppingPatienceFor(rows));
    }

    [TestMethod]
    [DataRow(2_200, 20)]
    [DataRow(2_800, 5)]
    public void NullPatienceStopsTheRulesNumberOfEpochsAfterTheLastImprovement(int rowsPerClass, int patience)
    {
        // 2 × 2,200 rows less 10 % validation leaves 3,960 training rows (patience 20); 2 × 2,800 leaves 5,040 (5). A
        // tolerance of 2 (more than any accuracy or loss can improve) makes every epoch after the first count as no
        // improvement, so the run stops exactly that many epochs after the first.
        var options = Quick.Options(MlpTask.BinaryClassification);
        options.HiddenLayers = [4];
        options.BatchSize = 256;
        options.NumberOfEpochs = 100;
        options.ValidationFraction = 0.1f;
        options.EarlyStoppingPatience = null;
        options.EarlyStoppingTolerance = 2f;

        var model = Quick.Fit(options, SyntheticData.Blobs(rowsPerClass, 2, 2, seed: 13));

        Assert.AreEqual(StopReason.EarlyStopped, model.History.StopReason);
        Assert.HasCount(1 + patience, model.History.Epochs);
    }

    [TestMethod]
    public void FromTwelveHundredFiftyToTwentyFiveThousandRowsTheRowPassesOfADefaultRunStayNearlyConstant()
    {
        // Rows × epochs stays at 250,000, less the rounding down to whole epochs (under one epoch of rows).
        foreach (int rows in new[] { 1_250, 5_000, 7_043, 20_000, 25_000 })
        {
            long passes = (long)rows * DataSizeRules.NumberOfEpochs(rows);
            Assert.IsTrue(passes > DataSizeRules.RowPasses - rows && passes <= DataSizeRules.RowPasses, $"{rows} rows: {passes} row passes");
        }
    }

    [TestMethod]
    public void TheWorkOfADefaultRunGrowsAtMostLinearlyWithRowsTimesFeatures()
    {
        // The time promise of issue 9, on the rules alone: the multiply-adds of a run without early stopping, epochs × rows
        // × a row's multiply-adds through the default layers (one output), counted here from the layer sizes. For more rows
        // or more features the work never shrinks (beyond rounding down to whole epochs: less than one epoch of the larger
        // row count) and never grows faster than rows × features. The one term above linear is the first layer's k · w
        // with w = 32√k: against the 2w² between the hidden layers it is k / 2w = √k / 64, at most 1/8 below 64 features
        // (from there w stays 256 and the work is affine in k), hence the factor 1.15.
        int[] rowCounts = [1_000, 1_250, 2_000, 5_000, 7_043, 10_000, 25_000, 41_760, 55_000, 100_000];
        int[] featureCounts = [1, 4, 9, 10, 16, 30, 40, 64, 100, 784];
        foreach (int rows in rowCounts)
        {
            foreach (int features in featureCounts)
            {
                foreach (int moreRows in rowCounts.Where(r => r >= rows))
                {
                    foreach (int moreFeatures in featureCounts.Where(k => k >= features))
                    {
                        double work = Work(rows, features), more = Work(moreRows, moreFeatures);
                        double rowsTimesFeatures = (double)moreRows * moreFeatures / ((double)rows * features);
                        string pair = $"{rows} × {features} → {moreRows} × {moreFeatures}";
                        Assert.IsGreaterThanOrEqualTo(work - OneEpoch(moreRows, features), more, pair);
                        Assert.IsLessThanOrEqualTo(1.15 * rowsTimesFeatures * work, more, pair);
                    }
                }
            }
        }
    }

    /// <summary>Multiply-adds of one row through the default layers of <paramref name="features"/> inputs and one output.</summary>
    private static double RowWork(int features)
    {
        int[] layers = [features, .. DataSizeRules.HiddenLayers(features, sparse: false), 1];
        return layers.Zip(layers.Skip(1), (inputs, outputs) => (double)inputs * outputs).Sum();
    }

    private static double OneEpoch(int rows, int features) => rows * RowWork(features);

    private static double Work(int rows, int features) => DataSizeRules.NumberOfEpochs(rows) * OneEpoch(rows, features);

    [TestMethod]
    public void NullOptionsUseTheRuleOnTheTrainingRowsAfterTheValidationSplit()
    {
        // 400 rows, 10 % held out: 360 training rows, so batches of 32 (12 per epoch) and 200 epochs.
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.BatchSize = null;
        options.NumberOfEpochs = null;
        options.ValidationFraction = 0.1f;
        int batchesPerEpoch = 0;
        options.BatchCompleted = (_, _, count) => batchesPerEpoch = count;
        options.HiddenLayers = [4];

        var model = Quick.Fit(options, SyntheticData.Blobs(200, 2, 2, seed: 12));

        Assert.AreEqual(12, batchesPerEpoch);
        Assert.HasCount(200, model.History.Epochs);
        Assert.AreEqual(32, options.BatchSizeFor(360));
        Assert.AreEqual(20, options.BatchSizeFor(20), "never more than the rows");
    }
}
