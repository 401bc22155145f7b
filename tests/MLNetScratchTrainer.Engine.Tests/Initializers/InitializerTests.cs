using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Tests.Initializers;

[TestClass]
public sealed class InitializerTests
{
    private const int FanIn = 200;
    private const int FanOut = 100;

    [TestMethod]
    [DataRow(InitializerKind.FixedStd, 0.01)]
    [DataRow(InitializerKind.Xavier, 0.0816496580927726)] // √(2 / (200 + 100)) = √(1 / 150)
    [DataRow(InitializerKind.He, 0.1)] // √(2 / 200)
    public void SampleStandardDeviationMatchesTheTarget(InitializerKind kind, double expectedStd)
    {
        float[] weights = Initialize(InitializerFactory.Create(kind, reluLike: false), seed: 42);

        double mean = weights.Average(w => (double)w);
        double std = Math.Sqrt(weights.Average(w => (w - mean) * (w - mean)));

        // 20,000 samples: the sample std is within about 0.5 % of the true one, the mean within 0.7 % of a std.
        Assert.AreEqual(expectedStd, std, expectedStd * 0.02);
        Assert.AreEqual(0, mean, expectedStd * 0.03);
    }

    [TestMethod]
    [DataRow(InitializerKind.FixedStd)]
    [DataRow(InitializerKind.Xavier)]
    [DataRow(InitializerKind.He)]
    public void SameSeedGivesIdenticalWeightsAndADifferentSeedDoesNot(InitializerKind kind)
    {
        IInitializer initializer = InitializerFactory.Create(kind, reluLike: true);

        float[] first = Initialize(initializer, seed: 7);
        float[] again = Initialize(initializer, seed: 7);
        float[] other = Initialize(initializer, seed: 8);

        CollectionAssert.AreEqual(first, again);
        Assert.IsFalse(first.SequenceEqual(other));
    }

    [TestMethod]
    public void AutoPicksHeForReluLikeActivationsAndXavierOtherwise()
    {
        Assert.IsInstanceOfType<HeInitializer>(InitializerFactory.Create(InitializerKind.Auto, reluLike: true));
        Assert.IsInstanceOfType<XavierInitializer>(InitializerFactory.Create(InitializerKind.Auto, reluLike: false));
    }

    [TestMethod]
    public void ExplicitKindsIgnoreTheActivation()
    {
        Assert.IsInstanceOfType<XavierInitializer>(InitializerFactory.Create(InitializerKind.Xavier, reluLike: true));
        Assert.IsInstanceOfType<HeInitializer>(InitializerFactory.Create(InitializerKind.He, reluLike: false));
    }

    [TestMethod]
    public void FixedStdUsesTheGivenStandardDeviationForEveryLayerSize()
    {
        var initializer = (FixedStdInitializer)InitializerFactory.Create(InitializerKind.FixedStd, reluLike: true, fixedStd: 0.05f);

        Assert.AreEqual(0.05f, initializer.StandardDeviation(10, 3));
        Assert.AreEqual(0.05f, initializer.StandardDeviation(1000, 500));
    }

    [TestMethod]
    public void RejectsInvalidArguments()
    {
        var he = new HeInitializer();

        Assert.ThrowsExactly<ArgumentException>(() => he.Initialize(new float[5], 2, 3, new Rng(1)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => he.Initialize([], 0, 3, new Rng(1)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new FixedStdInitializer(0f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => InitializerFactory.Create((InitializerKind)42, reluLike: true));
    }

    private static float[] Initialize(IInitializer initializer, int seed)
    {
        float[] weights = new float[FanIn * FanOut];
        initializer.Initialize(weights, FanIn, FanOut, new Rng(seed));
        return weights;
    }
}
