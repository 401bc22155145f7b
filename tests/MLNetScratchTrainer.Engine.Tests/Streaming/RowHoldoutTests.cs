using MLNetScratchTrainer.Engine.Streaming;

namespace MLNetScratchTrainer.Engine.Tests.Streaming;

[TestClass]
public sealed class RowHoldoutTests
{
    [TestMethod]
    public void Candidates_AreAboutTheFraction_AndDependOnTheSeed()
    {
        const int rows = 100_000;
        var holdout = new RowHoldout(seed: 1, fraction: 0.1);
        int candidates = Enumerable.Range(0, rows).Count(row => holdout.IsCandidate(row));

        // Binomial(100,000, 0.1): standard deviation ≈ 95.
        Assert.AreEqual(10_000, candidates, 500);
        var other = new RowHoldout(seed: 2, fraction: 0.1);
        Assert.IsTrue(Enumerable.Range(0, 1000).Any(row => holdout.IsCandidate(row) != other.IsCandidate(row)));
        Assert.IsTrue(Enumerable.Range(0, 1000).All(row => holdout.IsCandidate(row) == new RowHoldout(1, 0.1).IsCandidate(row)), "the same seed selects the same rows");
    }

    [TestMethod]
    public void HeldRows_AreTheCandidatesUpToTheLastHeld()
    {
        var holdout = new RowHoldout(seed: 4, fraction: 0.5);
        int[] candidates = [.. Enumerable.Range(0, 100).Where(row => holdout.IsCandidate(row))];
        holdout.Hold(candidates[9]);

        CollectionAssert.AreEqual(candidates[..10], Enumerable.Range(0, 100).Where(row => holdout.IsHeld(row)).ToArray());
    }

    [TestMethod]
    public void FractionZero_HoldsNothing() => Assert.IsFalse(Enumerable.Range(0, 10_000).Any(row => new RowHoldout(1, 0).IsCandidate(row)));
}
