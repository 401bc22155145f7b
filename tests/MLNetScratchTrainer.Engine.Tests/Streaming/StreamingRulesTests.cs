using MLNetScratchTrainer.Engine.Streaming;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Streaming;

[TestClass]
public sealed class StreamingRulesTests
{
    private const long Gigabyte = 1L << 30;

    [TestMethod]
    public void Auto_StreamsWhenTheRowsExceedAQuarterOfAvailableMemory()
    {
        // 1,000,000 rows × 100 slots × 4 bytes = 400 MB: above a quarter of 1 GB (256 MB), below a quarter of 2 GB (512 MB).
        Assert.AreEqual(400_000_000L, StreamingRules.EstimatedBytes(1_000_000, 100));
        Assert.IsTrue(StreamingRules.ChoosesStreaming(DataLoading.Auto, 1_000_000, 100, availableBytes: Gigabyte));
        Assert.IsFalse(StreamingRules.ChoosesStreaming(DataLoading.Auto, 1_000_000, 100, availableBytes: 2 * Gigabyte));
    }

    [TestMethod]
    public void Auto_AtTheBudgetExactly_StaysInMemory()
    {
        long available = StreamingRules.EstimatedBytes(1000, 10) * 4;

        Assert.IsFalse(StreamingRules.ChoosesStreaming(DataLoading.Auto, 1000, 10, available));
        Assert.IsTrue(StreamingRules.ChoosesStreaming(DataLoading.Auto, 1001, 10, available));
    }

    [TestMethod]
    public void Auto_UnknownRowCount_StaysInMemory() => Assert.IsFalse(StreamingRules.ChoosesStreaming(DataLoading.Auto, rows: null, 100, availableBytes: 1));

    [TestMethod]
    public void ExplicitModes_IgnoreTheSize()
    {
        Assert.IsTrue(StreamingRules.ChoosesStreaming(DataLoading.Streaming, 10, 2, availableBytes: 64 * Gigabyte));
        Assert.IsFalse(StreamingRules.ChoosesStreaming(DataLoading.InMemory, 10_000_000_000, 1000, availableBytes: Gigabyte));
    }

    [TestMethod]
    public void ShuffleBuffer_Holds64MegabytesOfRows_AtLeastFourBatches()
    {
        // 100 features + 1 label + 1 weight = 408 bytes a row: 64 MiB / 408 = 164,482 rows.
        Assert.AreEqual(164_482, StreamingRules.ShuffleBufferRows(100, 1, batchSize: 256));
        Assert.AreEqual(4 * 256, StreamingRules.ShuffleBufferRows(1_000_000, 1, batchSize: 256));
        Assert.AreEqual(164_482, StreamingRules.ValidationRowCap(100, 1));
    }
}
