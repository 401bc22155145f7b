using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Tests.Randomness;

[TestClass]
public sealed class RandomStreamTests
{
    [TestMethod]
    public void StreamsOfOneSeed_DifferFromEachOtherAndFromOtherSeeds_AndRepeat()
    {
        static string Draw(int seed, RandomStream stream)
        {
            var rng = Rng.ForStream(seed, stream);
            return $"{rng.NextUInt()}:{rng.NextUInt()}";
        }

        var streams = Enum.GetValues<RandomStream>();
        var draws = streams.SelectMany(stream => new[] { Draw(1, stream), Draw(2, stream) }).ToList();

        Assert.HasCount(draws.Count, draws.Distinct());
        Assert.AreEqual(Draw(1, RandomStream.Dropout), Draw(1, RandomStream.Dropout));
    }
}
