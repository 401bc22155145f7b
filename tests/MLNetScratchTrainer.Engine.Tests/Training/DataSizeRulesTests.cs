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
    [DataRow(4_800, 150, 200)]
    [DataRow(8_000, 250, 125)]
    [DataRow(54_000, 256, 18)]
    [DataRow(1_000_000, 256, 10)]
    public void BatchSizeAndEpochsFollowTheWrittenRule(int rows, int batch, int epochs)
    {
        // Batch n/32 within [32, 256]; epochs 1,000,000/n within [10, 200].
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
    [DataRow(4)]
    [DataRow(177_833)]
    public void DenseRowsGetThreeLayersOf256WhateverTheFeatures(int features)
        => CollectionAssert.AreEqual(new[] { 256, 256, 256 }, DataSizeRules.HiddenLayers(features, sparse: false));

    [TestMethod]
    [DataRow(100, 20)]
    [DataRow(4_999, 20)]
    [DataRow(5_000, 10)]
    [DataRow(100_000, 10)]
    public void EarlyStoppingPatienceFollowsTheWrittenRule(int rows, int patience)
    {
        // 20 epochs below 5,000 training rows, 10 from there on; an explicit value wins.
        Assert.AreEqual(patience, DataSizeRules.EarlyStoppingPatience(rows));
        Assert.AreEqual(patience, new MlpTrainerOptions().EarlyStoppingPatienceFor(rows));
        Assert.AreEqual(3, new MlpTrainerOptions { EarlyStoppingPatience = 3 }.EarlyStoppingPatienceFor(rows));
    }

    [TestMethod]
    [DataRow(2_200, 20)]
    [DataRow(2_800, 10)]
    public void NullPatienceStopsTheRulesNumberOfEpochsAfterTheLastImprovement(int rowsPerClass, int patience)
    {
        // 2 × 2,200 rows less 10 % validation leaves 3,960 training rows (patience 20); 2 × 2,800 leaves 5,040 (10). A
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
    public void AboveFiveThousandRowsTheRowPassesOfADefaultRunStayNearlyConstant()
    {
        // The linear-time promise: rows × epochs stays at about a million from 5,000 to 100,000 rows.
        foreach (int rows in new[] { 5_000, 20_000, 100_000 })
        {
            long passes = (long)rows * DataSizeRules.NumberOfEpochs(rows);
            Assert.IsTrue(passes is >= 990_000 and <= 1_000_000, $"{rows} rows: {passes} row passes");
        }
    }

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
