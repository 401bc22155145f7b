using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Tests.Randomness;

[TestClass]
public sealed class VectorRngTests
{
    private static readonly int[] Seeds = [0, 1, -1, 42, int.MaxValue, int.MinValue, 7, 123_456];

    [TestMethod]
    public void NextUIntsAndNextFloats_EveryLane_IsTheScalarGeneratorOfItsSeed()
    {
        var vector = new VectorRng(Seeds);
        Rng[] scalar = [.. Seeds.Select(seed => new Rng(seed))];

        // Draws alternate between bits and floats, as the scalar generators do: both advance the same state.
        for (int draw = 0; draw < 2_000; draw++)
        {
            bool floats = draw % 2 == 1;
            var bits = floats ? default : vector.NextUInts();
            var values = floats ? vector.NextFloats() : default;
            for (int lane = 0; lane < VectorRng.Lanes; lane++)
            {
                if (floats)
                {
                    Assert.AreEqual(scalar[lane].NextFloat(), values[lane], $"draw {draw}, lane {lane}");
                    Assert.IsTrue(values[lane] is >= 0f and < 1f);
                }
                else
                {
                    Assert.AreEqual(scalar[lane].NextUInt(), bits[lane], $"draw {draw}, lane {lane}");
                }
            }
        }
    }

    [TestMethod]
    public void Fill_AnyLength_IsTheValuesOfSuccessiveNextFloatsCalls()
    {
        // Lengths below, at and across the eight lanes; after each fill both generators continue in step.
        var filling = new VectorRng(Seeds);
        var calling = new VectorRng(Seeds);
        foreach (int length in new[] { 1, 7, 8, 9, 16, 37, 0, 100 })
        {
            float[] filled = new float[length];
            filling.Fill(filled);

            var expected = new List<float>();
            while (expected.Count < length)
            {
                var values = calling.NextFloats();
                for (int lane = 0; lane < VectorRng.Lanes; lane++)
                {
                    expected.Add(values[lane]);
                }
            }

            CollectionAssert.AreEqual(expected.Take(length).ToArray(), filled, $"{length} values");
        }

        Assert.AreEqual(calling.NextUInts(), filling.NextUInts(), "the same state after the fills");
    }

    [TestMethod]
    public void FillBernoulli_AnyLength_IsTheValueWhereTheUniformFillIsBelowTheProbability()
    {
        var bernoulli = new VectorRng(Seeds);
        var uniform = new VectorRng(Seeds);
        foreach (int length in new[] { 1, 7, 8, 9, 37, 0, 1_000 })
        {
            float[] mask = new float[length], draws = new float[length];
            bernoulli.FillBernoulli(mask, 0.85f, 2.5f);
            uniform.Fill(draws);

            CollectionAssert.AreEqual(draws.Select(u => u < 0.85f ? 2.5f : 0f).ToArray(), mask, $"{length} values");
        }

        Assert.AreEqual(uniform.NextUInts(), bernoulli.NextUInts(), "the same state after the fills");
    }

    [TestMethod]
    public void From_SameSeedSource_SameSequence_DifferentSourceDifferentSequence()
    {
        var first = VectorRng.From(new Rng(5));
        var second = VectorRng.From(new Rng(5));
        var other = VectorRng.From(new Rng(6));

        for (int draw = 0; draw < 10; draw++)
        {
            var a = first.NextUInts();
            Assert.AreEqual(a, second.NextUInts());
            Assert.AreNotEqual(a, other.NextUInts());
        }
    }

    [TestMethod]
    public void Constructor_WrongSeedCount_ThrowsNamingTheCount()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new VectorRng([1, 2, 3]));

        Assert.Contains("got 3", exception.Message);
    }
}
