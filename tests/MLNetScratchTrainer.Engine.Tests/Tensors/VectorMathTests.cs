using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Tests.Tensors;

[TestClass]
public sealed class VectorMathTests
{
    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(7)]
    [DataRow(33)]
    [DataRow(257)]
    public void MoveToward_EqualsTheScalarFormulaBitForBit(int length)
    {
        // Vector body and scalar tail alike: target + rate · (source − target), unfused.
        var random = new Random(length);
        float[] source = [.. Enumerable.Range(0, length).Select(_ => (random.NextSingle() * 200f) - 100f)];
        float[] target = [.. Enumerable.Range(0, length).Select(_ => (random.NextSingle() * 2f) - 1f)];
        float[] expected = [.. target];
        const float rate = 0.0137f;
        for (int i = 0; i < length; i++)
        {
            expected[i] += rate * (source[i] - expected[i]);
        }

        VectorMath.MoveToward(target, source, rate);

        CollectionAssert.AreEqual(expected, target);
    }

    [TestMethod]
    public void ContainsNaN_FindsANaNInTheVectorsOrTheTail_AndNotInfinities()
    {
        // 37 values: whole vectors of 4, 8 or 16 floats and a tail at every vector width.
        float[] values = [.. Enumerable.Range(0, 37).Select(i => i - 18.5f)];
        values[3] = float.PositiveInfinity;
        values[4] = float.NegativeInfinity;
        Assert.IsFalse(VectorMath.ContainsNaN(values));

        foreach (int slot in new[] { 0, 9, 31, 36 })
        {
            float[] withNaN = (float[])values.Clone();
            withNaN[slot] = float.NaN;
            Assert.IsTrue(VectorMath.ContainsNaN(withNaN), $"NaN at {slot}");
        }
    }
}
