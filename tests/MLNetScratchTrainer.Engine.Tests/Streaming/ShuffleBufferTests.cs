using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Streaming;

namespace MLNetScratchTrainer.Engine.Tests.Streaming;

[TestClass]
public sealed class ShuffleBufferTests
{
    [TestMethod]
    public void EveryRowLeavesOnce_NeverBeforeItArrives_AndNoLaterThanTheBufferAllows()
    {
        const int rows = 1000, capacity = 50, batch = 8;
        var order = Drain(rows, capacity, batch, new Rng(3));

        CollectionAssert.AreEquivalent(Enumerable.Range(0, rows).ToArray(), order);
        for (int position = 0; position < rows; position++)
        {
            // Before the batch holding position p is taken, the buffer has been filled with at most capacity + p rows.
            Assert.IsLessThan(capacity + position - (position % batch), order[position], $"position {position}");
        }

        Assert.IsFalse(order.SequenceEqual(Enumerable.Range(0, rows)), "the rows are reordered");
    }

    [TestMethod]
    public void BufferAsLargeAsTheData_FirstRowIsUniform()
    {
        // With the whole data set in the buffer the first row out is uniform over all rows: its mean index is (n − 1) / 2.
        const int rows = 100, trials = 2000;
        var rng = new Rng(5);
        double mean = Enumerable.Range(0, trials).Average(_ => Drain(rows, rows, 10, rng)[0]);

        // The standard deviation of a uniform index over 100 rows is 28.9, so the mean's standard error is 28.9 / √2000 ≈ 0.65.
        Assert.AreEqual((rows - 1) / 2.0, mean, 3.0);
    }

    [TestMethod]
    public void WithoutGenerator_RowsLeaveInArrivalOrder()
    {
        CollectionAssert.AreEqual(Enumerable.Range(0, 37).ToArray(), Drain(37, 8, 8, rng: null));
    }

    /// <summary>Streams rows 0 … <paramref name="rows"/> − 1 through a buffer batch by batch, as the trainer does, and returns the order they leave in.</summary>
    private static int[] Drain(int rows, int capacity, int batch, Rng? rng)
    {
        var buffer = new ShuffleBuffer(capacity, batch, featureCount: 1, labelWidth: 1, hasWeights: false, rng);
        var order = new List<int>();
        int next = 0;
        while (true)
        {
            while (!buffer.IsFull && next < rows)
            {
                buffer.Rows.FeatureRow(buffer.Add())[0] = next++;
            }

            var taken = buffer.Take(batch);
            if (taken.IsEmpty)
            {
                return [.. order];
            }

            foreach (int slot in taken)
            {
                order.Add((int)buffer.Rows.FeatureRow(slot)[0]);
            }
        }
    }
}
