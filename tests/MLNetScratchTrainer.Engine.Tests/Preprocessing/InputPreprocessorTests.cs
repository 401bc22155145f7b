using MLNetScratchTrainer.Engine.Preprocessing;

namespace MLNetScratchTrainer.Engine.Tests.Preprocessing;

[TestClass]
public sealed class InputPreprocessorTests
{
    [TestMethod]
    public void Transform_FillsCentresScalesClipsAndAppendsIndicators()
    {
        // Feature 0: centre 10, scale 0.5; feature 1: centre 0, scale 2, fill 1.5; clip bound 3; indicator for feature 1.
        var preprocessor = new InputPreprocessor([10f, 1.5f], [10f, 0f], [0.5f, 2f], 3f, [1]);
        var output = new float[3];

        preprocessor.Transform([16f, float.NaN], output);

        // z0 = (16 − 10)·0.5 = 3 → 3/√(1 + 1) ; z1 = (1.5 − 0)·2 = 3 → the same; the indicator of feature 1 is 1.
        Assert.AreEqual(3 / Math.Sqrt(2), output[0], 1e-6);
        Assert.AreEqual(3 / Math.Sqrt(2), output[1], 1e-6);
        Assert.AreEqual(1f, output[2]);

        preprocessor.Transform([8f, -0.25f], output);
        Assert.AreEqual(-1 / Math.Sqrt(1 + (1 / 9.0)), output[0], 1e-6);
        Assert.AreEqual(-0.5 / Math.Sqrt(1 + (0.25 / 9.0)), output[1], 1e-6);
        Assert.AreEqual(0f, output[2]);
    }

    [TestMethod]
    public void Transform_WithoutClipBound_IsAffine()
    {
        var preprocessor = new InputPreprocessor([0f], [2f], [4f], null, []);
        var output = new float[1];

        preprocessor.Transform([1002f], output);

        Assert.AreEqual(4000f, output[0]);
    }

    [TestMethod]
    public void Transform_InfiniteFeature_ThrowsNamingIt()
    {
        var preprocessor = new InputPreprocessor([0f, 0f], [0f, 0f], [1f, 1f], 3f, []);

        var exception = Assert.ThrowsExactly<ArgumentException>(() => preprocessor.Transform([1f, float.NegativeInfinity], new float[2]));

        Assert.Contains("Feature 1 is -Infinity", exception.Message);
    }

    [TestMethod]
    public void Transform_AnyFeatureCount_MatchesTheScalarFormulaBitForBit()
    {
        // Counts below, at and across a vector (partial last vectors); every third value missing, some far out for the clip.
        foreach (int count in new[] { 1, 3, 7, 8, 9, 16, 17, 33, 100 })
        {
            foreach (float? bound in new float?[] { null, 3f })
            {
                float[] fill = [.. Enumerable.Range(0, count).Select(j => 0.25f * j)];
                float[] center = [.. Enumerable.Range(0, count).Select(j => 1.5f - (0.1f * j))];
                float[] scale = [.. Enumerable.Range(0, count).Select(j => j % 5 == 4 ? 0f : 0.3f + (0.07f * j))];
                float[] features = [.. Enumerable.Range(0, count).Select(j => j % 3 == 2 ? float.NaN : ((j * 37 % 11) - 5) * 1.7f)];
                var preprocessor = new InputPreprocessor(fill, center, scale, bound, [2 % count]);
                var output = new float[count + 1];

                preprocessor.Transform(features, output);

                for (int j = 0; j < count; j++)
                {
                    float z = ((float.IsNaN(features[j]) ? fill[j] : features[j]) - center[j]) * scale[j];
                    float ratio = z * (bound is float b ? 1f / b : 0f);
                    float expected = bound is null ? z : z / MathF.Sqrt(1f + (ratio * ratio));
                    Assert.AreEqual(expected, output[j], $"{count} features, bound {bound}, feature {j}");
                }

                Assert.AreEqual(float.IsNaN(features[2 % count]) ? 1f : 0f, output[count], "the indicator");
                CollectionAssert.AreEqual(fill, preprocessor.Fill.ToArray(), "the fill values as given, no padding");
                CollectionAssert.AreEqual(center, preprocessor.Center.ToArray(), "the centres as given");
                CollectionAssert.AreEqual(scale, preprocessor.Scale.ToArray(), "the scales as given");
            }
        }
    }

    [TestMethod]
    public void Transform_InfiniteFeatureInTheLastPartialVector_ThrowsNamingIt()
    {
        float[] zeros = new float[19], ones = [.. Enumerable.Repeat(1f, 19)];
        var preprocessor = new InputPreprocessor(zeros, zeros, ones, 3f, []);
        float[] features = new float[19];
        features[18] = float.PositiveInfinity;

        var exception = Assert.ThrowsExactly<ArgumentException>(() => preprocessor.Transform(features, new float[19]));

        Assert.Contains("Feature 18 is Infinity", exception.Message);
    }

    [TestMethod]
    public void Constructor_RejectsPartsThatCannotBeRight()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new InputPreprocessor([0f], [0f, 1f], [1f], null, []));
        Assert.ThrowsExactly<ArgumentException>(() => new InputPreprocessor([0f], [0f], [-1f], null, []));
        Assert.ThrowsExactly<ArgumentException>(() => new InputPreprocessor([float.NaN], [0f], [1f], null, []));
        Assert.ThrowsExactly<ArgumentException>(() => new InputPreprocessor([0f], [0f], [1f], 0f, []));
        Assert.ThrowsExactly<ArgumentException>(() => new InputPreprocessor([0f, 0f], [0f, 0f], [1f, 1f], null, [1, 0]));
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new InputPreprocessor([0f], [0f], [1f], null, [1]));
        Assert.Contains("names feature 1", exception.Message);
    }
}
