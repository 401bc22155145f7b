using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Engine.Tests.Data;

[TestClass]
public sealed class IdxReaderFloatTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [TestMethod]
    public void ReadAsFloats_RawAndGzipped_DivideEveryByte()
    {
        byte[] content = IdxFiles.Build([2, 3], [0, 51, 102, 153, 204, 255]);
        string raw = _folder.Write("pixels.idx", content);
        string gzipped = _folder.Write("pixels.gz", IdxFiles.Gzip(content));

        var (dimensions, values) = IdxReader.ReadAsFloats(raw, 255f);
        var (_, gzippedValues) = IdxReader.ReadAsFloats(gzipped, 255f);

        CollectionAssert.AreEqual(new[] { 2, 3 }, dimensions.ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f }, values);
        CollectionAssert.AreEqual(values, gzippedValues);
    }

    [TestMethod]
    public void ReadAsFloats_LargerThanOneChunk_ConvertsEveryValue()
    {
        byte[] data = IdxFiles.Sequence(200_000);
        string path = _folder.Write("large.gz", IdxFiles.Gzip(IdxFiles.Build([200, 1000], data)));

        var (_, values) = IdxReader.ReadAsFloats(path, 1f, maxItems: 150);

        Assert.HasCount(150_000, values);
        Assert.AreEqual(data[149_999], values[149_999]);
        Assert.AreEqual(data[65_536], values[65_536]);
    }

    [TestMethod]
    public void ReadAsFloats_GzipClaimingMoreThanItsSizeCanHold_FailsBeforeAllocating()
    {
        string path = _folder.Write("forged.gz", IdxFiles.Gzip(IdxFiles.Build([100_000_000], IdxFiles.Sequence(16))));
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.ReadAsFloats(path, 255f));

        Assert.IsLessThan(1L << 20, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Contains("truncated or forged", error.Message);
        Assert.Contains(path, error.Message);
    }

    [TestMethod]
    public void ReadAsFloats_TruncatedGzip_NamesWhereTheDataEnds()
    {
        byte[] content = IdxFiles.Build([4, 4], IdxFiles.Sequence(16));
        string path = _folder.Write("short.gz", IdxFiles.Gzip(content[..^6]));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.ReadAsFloats(path, 255f));

        Assert.Contains("16 bytes of data were expected after the header but the data ends after 10 bytes", error.Message);
    }
}
