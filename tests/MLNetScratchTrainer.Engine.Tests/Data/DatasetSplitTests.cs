using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Engine.Tests.Data;

[TestClass]
public sealed class DatasetSplitTests
{
    [TestMethod]
    public void TrainTestSplit_PutsEveryRowInExactlyOnePartWithItsLabelAndWeight()
    {
        Dataset data = Numbered(10);

        (Dataset train, Dataset test) = DatasetSplit.TrainTestSplit(data, 0.3, seed: 42);

        Assert.AreEqual(7, train.Count);
        Assert.AreEqual(3, test.Count);
        CollectionAssert.AreEquivalent(data.Features, train.Features.Concat(test.Features).ToArray());
        foreach (Dataset part in new[] { train, test })
        {
            Assert.AreEqual(1, part.FeatureCount);
            for (int row = 0; row < part.Count; row++)
            {
                float id = part.Features[row];
                Assert.AreEqual(10 * id, part.Labels[row]);
                Assert.AreEqual(id + 1, part.Weights![row]);
            }
        }
    }

    [TestMethod]
    public void TrainTestSplit_SameSeed_SameSplit_OtherSeed_OtherOrder()
    {
        Dataset data = Numbered(10);

        (Dataset train, Dataset test) = DatasetSplit.TrainTestSplit(data, 0.5, seed: 7);
        (Dataset trainAgain, Dataset testAgain) = DatasetSplit.TrainTestSplit(data, 0.5, seed: 7);
        (Dataset otherTrain, Dataset otherTest) = DatasetSplit.TrainTestSplit(data, 0.5, seed: 8);

        CollectionAssert.AreEqual(train.Features, trainAgain.Features);
        CollectionAssert.AreEqual(test.Features, testAgain.Features);
        CollectionAssert.AreNotEqual(test.Features.Concat(train.Features).ToArray(), otherTest.Features.Concat(otherTrain.Features).ToArray());
    }

    [TestMethod]
    public void TrainTestSplit_RoundsTheTestCountHalfUp()
    {
        (Dataset train, Dataset test) = DatasetSplit.TrainTestSplit(Numbered(10), 0.25, seed: 1);

        Assert.AreEqual(7, train.Count);
        Assert.AreEqual(3, test.Count);
    }

    [TestMethod]
    public void TrainTestSplit_KeepsWideLabelsAndMissingWeights()
    {
        var data = new Dataset([1, 2, 3, 4, 5, 6], 2, [10, 11, 30, 31, 50, 51], labelWidth: 2);

        (Dataset train, Dataset test) = DatasetSplit.TrainTestSplit(data, 0.34, seed: 3);

        Assert.AreEqual(1, test.Count);
        Assert.AreEqual(2, train.LabelWidth);
        Assert.IsNull(train.Weights);
        foreach (Dataset part in new[] { train, test })
        {
            for (int row = 0; row < part.Count; row++)
            {
                float first = part.FeatureRow(row)[0];
                CollectionAssert.AreEqual(new[] { first * 10, (first * 10) + 1 }, part.LabelRow(row).ToArray());
            }
        }
    }

    [TestMethod]
    public void TrainTestSplit_FractionOutsideZeroToOne_Throws()
    {
        Dataset data = Numbered(10);

        foreach (double fraction in new[] { 0, 1, -0.1, 1.5, double.NaN })
        {
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DatasetSplit.TrainTestSplit(data, fraction, seed: 1));
        }
    }

    [TestMethod]
    public void TrainTestSplit_EmptyPart_Throws()
    {
        var tooFewForTest = Assert.ThrowsExactly<ArgumentException>(() => DatasetSplit.TrainTestSplit(Numbered(2), 0.1, seed: 1));
        var tooFewForTraining = Assert.ThrowsExactly<ArgumentException>(() => DatasetSplit.TrainTestSplit(Numbered(3), 0.9, seed: 1));

        Assert.Contains("Splitting 2 rows with testFraction 0.1 gives 2 training rows and 0 test rows; both parts need at least one row.", tooFewForTest.Message);
        Assert.Contains("gives 0 training rows and 3 test rows", tooFewForTraining.Message);
    }

    /// <summary>Row i has feature i, label 10·i and weight i + 1.</summary>
    private static Dataset Numbered(int count) =>
        new(
            [.. Enumerable.Range(0, count).Select(i => (float)i)],
            1,
            [.. Enumerable.Range(0, count).Select(i => 10f * i)],
            weights: [.. Enumerable.Range(0, count).Select(i => i + 1f)]);
}
