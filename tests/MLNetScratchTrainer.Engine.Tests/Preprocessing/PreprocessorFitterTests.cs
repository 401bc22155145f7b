using MLNetScratchTrainer.Engine.Preprocessing;

namespace MLNetScratchTrainer.Engine.Tests.Preprocessing;

[TestClass]
public sealed class PreprocessorFitterTests
{
    [TestMethod]
    public void Fit_UsesMedianAndInterquartileRange()
    {
        // One feature, values 1…9: median 5, quartiles 3 and 7 (linear interpolation), so scale 1/4.
        float[] features = [.. Enumerable.Range(1, 9).Select(i => (float)i)];

        var preprocessor = PreprocessorFitter.Fit(features, 1, AllRows(9), InputScaling.Robust, 3f)!;

        Assert.AreEqual(5f, preprocessor.Center[0]);
        Assert.AreEqual(5f, preprocessor.Fill[0]);
        Assert.AreEqual(0.25f, preprocessor.Scale[0]);
        Assert.AreEqual(3f, preprocessor.ClipBound);
        Assert.IsEmpty(preprocessor.MissingIndicatorFeatures);
    }

    [TestMethod]
    public void FitOnSample_QuantilesFromTheSample_IndicatorsFromTheFlags()
    {
        // The sample is the rows 1…9 of one feature plus a second constant feature; feature 1 was missing in a row
        // outside the sample, so it gets an indicator although the sample has no NaN.
        float[] sample = [.. Enumerable.Range(1, 9).SelectMany(i => new[] { (float)i, 2f })];

        var fromSample = PreprocessorFitter.FitOnSample(sample, 2, [false, true], InputScaling.Robust, 3f)!;
        var fromRows = PreprocessorFitter.Fit(sample, 2, AllRows(9), InputScaling.Robust, 3f)!;

        CollectionAssert.AreEqual(fromRows.Center.ToArray(), fromSample.Center.ToArray());
        CollectionAssert.AreEqual(fromRows.Scale.ToArray(), fromSample.Scale.ToArray());
        CollectionAssert.AreEqual(new[] { 1 }, fromSample.MissingIndicatorFeatures.ToArray());
        Assert.IsEmpty(fromRows.MissingIndicatorFeatures);
    }

    [TestMethod]
    public void Fit_RareBinaryFeatureMapsItsRangeToWidthTwo_AndAConstantFeatureToZero()
    {
        // Feature 0 is 1 in one row of ten (quartiles both 0); feature 1 is always 7.
        float[] features = new float[20];
        for (int row = 0; row < 10; row++)
        {
            features[(row * 2) + 1] = 7f;
        }

        features[0] = 1f;

        var preprocessor = PreprocessorFitter.Fit(features, 2, AllRows(10), InputScaling.Robust, null)!;

        Assert.AreEqual(0f, preprocessor.Center[0]);
        Assert.AreEqual(2f, preprocessor.Scale[0]);
        Assert.AreEqual(7f, preprocessor.Center[1]);
        Assert.AreEqual(0f, preprocessor.Scale[1]);
    }

    [TestMethod]
    public void Fit_MissingValuesGetTheMedianOfTheOthersAndAnIndicator()
    {
        // Feature 1 is missing in row 2; its other values are 4, 8 and 6 (median 6). Feature 0 is never missing.
        float[] features = [1, 4, 2, 8, 3, float.NaN, 4, 6];

        var preprocessor = PreprocessorFitter.Fit(features, 2, AllRows(4), InputScaling.Robust, 3f)!;

        Assert.AreEqual(6f, preprocessor.Fill[1]);
        CollectionAssert.AreEqual(new[] { 1 }, preprocessor.MissingIndicatorFeatures.ToArray());
        Assert.AreEqual(3, preprocessor.OutputSize);
    }

    [TestMethod]
    public void Fit_ReadsOnlyTheGivenRows()
    {
        // Rows 0–3 are the training rows; rows 4 and 5 hold an outlier and a missing value that must change nothing.
        float[] features = [1, 2, 3, 4, 1e6f, float.NaN];
        int[] trainRows = [0, 1, 2, 3];

        var fitted = PreprocessorFitter.Fit(features, 1, trainRows, InputScaling.Robust, 3f)!;
        var onTrainingRowsAlone = PreprocessorFitter.Fit(features.AsSpan(0, 4), 1, trainRows, InputScaling.Robust, 3f)!;

        Assert.AreEqual(onTrainingRowsAlone.Center[0], fitted.Center[0]);
        Assert.AreEqual(onTrainingRowsAlone.Scale[0], fitted.Scale[0]);
        Assert.AreEqual(2.5f, fitted.Center[0]);
        Assert.IsEmpty(fitted.MissingIndicatorFeatures);
    }

    [TestMethod]
    public void Fit_WithoutScalingOrMissingValues_ReturnsNull_AndWithMissingValuesOnlyFills()
    {
        Assert.IsNull(PreprocessorFitter.Fit([1, 2, 3, 4], 2, AllRows(2), InputScaling.None, 3f));

        var filling = PreprocessorFitter.Fit([1, float.NaN, 3, 5], 2, AllRows(2), InputScaling.None, 3f)!;
        var output = new float[3];
        filling.Transform([10f, float.NaN], output);

        CollectionAssert.AreEqual(new[] { 10f, 5f, 1f }, output);
        Assert.IsNull(filling.ClipBound);
    }

    [TestMethod]
    [DataRow(1, 3)]
    [DataRow(2, 70)]
    [DataRow(9, 5)]
    [DataRow(1_000, 130)]
    [DataRow(25_000, 3)]
    public void Fit_QuantilesEqualThoseOfTheSortedSample(int rowCount, int featureCount)
    {
        // Columns of few distinct values (ties everywhere), of spread values, mostly missing, all missing and constant;
        // more features than one gathered block (64) and more rows than the sample (20,000): the fitted constants must be
        // those of sorting every feature's sampled values, as the rule is stated.
        var random = new Random(rowCount + featureCount);
        float[] features = new float[rowCount * featureCount];
        for (int i = 0; i < features.Length; i++)
        {
            int j = i % featureCount;
            features[i] = (j % 5) switch
            {
                0 => random.Next(3),
                1 => (float)((random.NextDouble() * 200) - 100),
                2 => random.Next(4) == 0 ? float.NaN : random.Next(50),
                3 => j == 3 ? float.NaN : 7f,
                _ => random.Next(10) == 0 ? 1f : 0f,
            };
        }

        int[] rows = [.. Enumerable.Range(0, rowCount).OrderBy(_ => random.Next())];
        var fitted = PreprocessorFitter.Fit(features, featureCount, rows, InputScaling.Robust, 3f)!;

        int sampleSize = Math.Min(rowCount, PreprocessorFitter.MaximumQuantileRows);
        for (int j = 0; j < featureCount; j++)
        {
            double[] sorted = [.. Enumerable.Range(0, sampleSize).Select(i => features[(rows[(int)((long)i * rowCount / sampleSize)] * featureCount) + j])
                .Where(x => !float.IsNaN(x)).Select(x => (double)x).Order()];
            float median = sorted.Length == 0 ? 0f : SortedQuantile.Of(sorted, 0.5);
            double spread = sorted.Length == 0 ? 0 : SortedQuantile.Of(sorted, 0.75) - (double)SortedQuantile.Of(sorted, 0.25);
            double range = sorted.Length == 0 ? 0 : sorted[^1] - sorted[0];
            float scale = spread > 0 ? (float)(1 / spread) : range > 0 ? (float)(2 / range) : 0f;
            Assert.AreEqual(median, fitted.Center[j], $"feature {j}: median");
            Assert.AreEqual(median, fitted.Fill[j], $"feature {j}: fill");
            Assert.AreEqual(scale, fitted.Scale[j], $"feature {j}: scale");
        }
    }

    private static int[] AllRows(int count) => [.. Enumerable.Range(0, count)];
}
