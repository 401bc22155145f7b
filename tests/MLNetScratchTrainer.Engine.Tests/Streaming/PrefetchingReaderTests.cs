using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Streaming;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Streaming;

[TestClass]
public sealed class PrefetchingReaderTests
{
    [TestMethod]
    public void YieldsEveryRowInOrder_ThenZero()
    {
        const int rows = 5000;
        var source = new ArrayRowSource([.. Enumerable.Range(0, rows).Select(i => (float)i)], 1, new float[rows]);
        var chunk = new RowChunk(StreamingRules.ChunkRows, 1, 1, hasWeights: false);
        var seen = new List<float>();

        using (var reader = new PrefetchingReader(source.OpenPass(), source))
        {
            int count;
            while ((count = reader.Read(chunk)) > 0)
            {
                seen.AddRange(Enumerable.Range(0, count).Select(i => chunk.FeatureRow(i)[0]));
            }

            Assert.AreEqual(0, reader.Read(chunk), "the pass stays over");
        }

        CollectionAssert.AreEqual(Enumerable.Range(0, rows).Select(i => (float)i).ToArray(), seen);
    }

    [TestMethod]
    public void ASourceError_IsRethrownByRead_Unchanged()
    {
        var source = new FailingSource();
        var chunk = new RowChunk(StreamingRules.ChunkRows, 1, 1, hasWeights: false);
        using var reader = new PrefetchingReader(source.OpenPass(), source);

        Assert.AreEqual(StreamingRules.ChunkRows, reader.Read(chunk));
        var error = Assert.ThrowsExactly<ArgumentException>(() => reader.Read(chunk));
        Assert.AreEqual("Row 1500 is bad.", error.Message);
    }

    [TestMethod]
    public void DisposedMidPass_StopsTheThreadAndClosesTheSource()
    {
        var source = new FailingSource { FailAt = int.MaxValue };
        var inner = source.OpenPass();
        var reader = new PrefetchingReader(inner, source);
        reader.Read(new RowChunk(StreamingRules.ChunkRows, 1, 1, hasWeights: false));

        reader.Dispose();

        Assert.IsTrue(source.Disposed);
    }

    /// <summary>An endless source that throws at row <see cref="FailAt"/>.</summary>
    private sealed class FailingSource : IRowSource, IRowReader
    {
        private long _next;

        public long FailAt { get; init; } = 1500;

        public bool Disposed { get; private set; }

        public int FeatureCount => 1;

        public int LabelWidth => 1;

        public bool HasWeights => false;

        public IRowReader OpenPass() => this;

        public int Read(RowChunk chunk)
        {
            for (int i = 0; i < chunk.Capacity; i++, _next++)
            {
                if (_next == FailAt)
                {
                    throw new ArgumentException($"Row {_next} is bad.");
                }

                chunk.FeatureRow(i)[0] = _next;
            }

            return chunk.Capacity;
        }

        public void Dispose() => Disposed = true;
    }
}
