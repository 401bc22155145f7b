using MLNetScratchTrainer.Examples.TabularBenchmark;

namespace MLNetScratchTrainer.Examples.Tests.TabularBenchmark;

[TestClass]
public sealed class RankingTests
{
    [TestMethod]
    public void RanksHigherScoresFirst()
    {
        CollectionAssert.AreEqual(new[] { 2.0, 3.0, 1.0 }, Ranking.Ranks([0.8, 0.5, 0.9]));
    }

    [TestMethod]
    public void TiedScoresShareTheMeanOfTheirRanks()
    {
        // 0.9 twice spans ranks 1 and 2; 0.7 three times spans 4, 5 and 6.
        CollectionAssert.AreEqual(new[] { 1.5, 3.0, 1.5, 5.0, 5.0, 5.0 }, Ranking.Ranks([0.9, 0.8, 0.9, 0.7, 0.7, 0.7]));
    }

    [TestMethod]
    public void RanksAlwaysSumToThoseOfDistinctScores()
    {
        double[] ranks = Ranking.Ranks([0.3, 0.3, 0.3, 0.3, -1.0]);

        Assert.AreEqual(1 + 2 + 3 + 4 + 5, ranks.Sum());
        Assert.AreEqual(5.0, ranks[4]);
    }

    [TestMethod]
    public void RejectsNaN()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Ranking.Ranks([0.5, double.NaN]));
    }
}
