using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Engine.Tests.Data;

[TestClass]
public sealed class StandardizerTests
{
    private const float Tolerance = 1e-5f;

    // Columns: 1,2,3 (mean 2, population std √(2/3) = 0.816497); 10,10,10 (constant); -2,0,2 (mean 0, std √(8/3) = 1.632993).
    private static readonly float[] Features = [1, 10, -2, 2, 10, 0, 3, 10, 2];

    [TestMethod]
    public void Fit_LearnsPopulationMeanAndStandardDeviation_ConstantFeatureGetsOne()
    {
        Standardizer standardizer = Standardizer.Fit(new Dataset(Features, 3, [0, 1, 0]));

        Assert.AreEqual(3, standardizer.FeatureCount);
        AssertClose([2f, 10f, 0f], [.. standardizer.Means]);
        AssertClose([0.816497f, 1f, 1.632993f], [.. standardizer.StandardDeviations]);
    }

    [TestMethod]
    public void Transform_Dataset_StandardizesFeaturesAndSharesLabelsAndWeights()
    {
        var data = new Dataset(Features, 3, [0, 1, 0], weights: [1, 2, 3]);
        Standardizer standardizer = Standardizer.Fit(data);

        Dataset scaled = standardizer.Transform(data);

        AssertClose([-1.224745f, 0f, -1.224745f, 0f, 0f, 0f, 1.224745f, 0f, 1.224745f], scaled.Features);
        Assert.AreSame(data.Labels, scaled.Labels);
        Assert.AreSame(data.Weights, scaled.Weights);
        Assert.AreNotSame(data.Features, scaled.Features);
        CollectionAssert.AreEqual(new[] { 1f, 10f, -2f, 2f, 10f, 0f, 3f, 10f, 2f }, data.Features);
    }

    [TestMethod]
    public void Transform_Span_ScalesNewRowsAndWorksInPlace()
    {
        Standardizer standardizer = Standardizer.Fit(Features, 3);
        float[] row = [4, 11, 1];

        standardizer.Transform(row, row);

        AssertClose([2.449490f, 1f, 0.612372f], row);
    }

    [TestMethod]
    public void Transform_WrongShapes_Throw()
    {
        Standardizer standardizer = Standardizer.Fit(Features, 3);

        var otherWidth = Assert.ThrowsExactly<ArgumentException>(() => standardizer.Transform(new Dataset([1, 2], 2, [0])));
        var partialRow = Assert.ThrowsExactly<ArgumentException>(() => standardizer.Transform(new float[4], new float[4]));
        var shortDestination = Assert.ThrowsExactly<ArgumentException>(() => standardizer.Transform(new float[3], new float[2]));

        Assert.Contains("has 2 features but the standardizer was fitted on 3", otherWidth.Message);
        Assert.Contains("4 values, which is not a positive whole number of rows of 3", partialRow.Message);
        Assert.Contains("destination holds 2 values but the features 3", shortDestination.Message);
    }

    [TestMethod]
    public void Fit_BadFeatures_Throw()
    {
        var nan = Assert.ThrowsExactly<ArgumentException>(() => Standardizer.Fit([1, 2, float.NaN, 4], 2));
        var empty = Assert.ThrowsExactly<ArgumentException>(() => Standardizer.Fit([], 2));

        Assert.Contains("The feature at row 1, column 0 is NaN; features must be finite.", nan.Message);
        Assert.Contains("0 values", empty.Message);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Standardizer.Fit([1, 2], 0));
    }

    [TestMethod]
    public void Constructor_KeepsItsOwnCopyOfTheStatistics()
    {
        float[] means = [1, 2];
        float[] deviations = [3, 4];
        var standardizer = new Standardizer(means, deviations);
        means[0] = 100;
        deviations[0] = 100;
        float[] row = [4, 6];

        standardizer.Transform(row, row);

        CollectionAssert.AreEqual(new[] { 1f, 1f }, row);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, standardizer.Means.ToArray());
    }

    [TestMethod]
    public void Constructor_BadStatistics_Throw()
    {
        var zero = Assert.ThrowsExactly<ArgumentException>(() => new Standardizer([1, 2], [1, 0]));
        var nanMean = Assert.ThrowsExactly<ArgumentException>(() => new Standardizer([float.NaN], [1]));
        var lengths = Assert.ThrowsExactly<ArgumentException>(() => new Standardizer([1, 2], [1]));
        var empty = Assert.ThrowsExactly<ArgumentException>(() => new Standardizer([], []));

        Assert.Contains("standard deviation of feature 1 is 0; standard deviations must be finite and positive", zero.Message);
        Assert.Contains("mean of feature 0 is NaN", nanMean.Message);
        Assert.Contains("2 means but 1 standard deviations", lengths.Message);
        Assert.Contains("At least one feature", empty.Message);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.HasCount(expected.Length, actual);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], Tolerance, $"index {i}");
        }
    }
}
