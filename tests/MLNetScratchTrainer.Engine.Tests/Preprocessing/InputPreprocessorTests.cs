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
