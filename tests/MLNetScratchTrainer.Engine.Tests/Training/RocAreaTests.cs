using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class RocAreaTests
{
    [TestMethod]
    public void Compute_MatchesCountingEveryPair()
    {
        // An independent definition: over every (positive, negative) pair, weight product × (1 if the positive scores
        // higher, ½ on a tie, 0 otherwise), divided by the product of the class weights. Ties and weights included.
        float[] scores = [0.3f, 0.3f, -1f, 2f, 0.3f, 0.7f, -1f, 0.1f];
        bool[] positive = [true, false, false, true, true, false, true, false];
        float[] weights = [1f, 2f, 0.5f, 1f, 3f, 1f, 2f, 1.5f];
        double pairs = 0, positiveWeight = 0, negativeWeight = 0;
        for (int p = 0; p < scores.Length; p++)
        {
            (positive[p] ? ref positiveWeight : ref negativeWeight) += weights[p];
            for (int n = 0; n < scores.Length; n++)
            {
                if (positive[p] && !positive[n])
                {
                    pairs += weights[p] * weights[n] * (scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0);
                }
            }
        }

        Assert.AreEqual(pairs / (positiveWeight * negativeWeight), RocArea.Compute(scores, positive, weights), 1e-12);
    }

    [TestMethod]
    public void Compute_PerfectReversedAndTiedRankings()
    {
        bool[] positive = [false, false, true, true];

        Assert.AreEqual(1.0, RocArea.Compute([0f, 1f, 2f, 3f], positive, []), "positives on top");
        Assert.AreEqual(0.0, RocArea.Compute([3f, 2f, 1f, 0f], positive, []), "positives at the bottom");
        Assert.AreEqual(0.5, RocArea.Compute([1f, 1f, 1f, 1f], positive, []), "all tied");
        Assert.AreEqual(0.5, RocArea.Compute([0f, 1f], [true, true], []), "one class only: undefined, chance");
    }
}
