using System.Diagnostics;
using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Engine.Tests.Data;

[TestClass]
public sealed class IdxReaderTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [TestMethod]
    public void Read_RawFile_ReturnsDimensionsAndValues()
    {
        string path = _folder.Write("cube.idx", IdxFiles.Build([2, 2, 3], IdxFiles.Sequence(12)));

        IdxArray array = IdxReader.Read(path);

        CollectionAssert.AreEqual(new[] { 2, 2, 3 }, array.Dimensions.ToArray());
        Assert.AreEqual(2, array.Count);
        Assert.AreEqual(6, array.ItemSize);
        CollectionAssert.AreEqual(IdxFiles.Sequence(12), array.Data);
        CollectionAssert.AreEqual(new byte[] { 6, 7, 8, 9, 10, 11 }, array.Item(1).ToArray());
    }

    [TestMethod]
    public void Read_OneDimensionalFile_HasItemSizeOne()
    {
        string path = _folder.Write("labels.idx", IdxFiles.Build([4], [3, 1, 4, 1]));

        IdxArray array = IdxReader.Read(path);

        Assert.AreEqual(4, array.Count);
        Assert.AreEqual(1, array.ItemSize);
        CollectionAssert.AreEqual(new byte[] { 3, 1, 4, 1 }, array.Data);
    }

    [TestMethod]
    public void Read_DetectsGzipByContentNotByName()
    {
        byte[] content = IdxFiles.Build([3, 2], [1, 2, 3, 4, 5, 6]);
        string gzippedWithoutExtension = _folder.Write("gzipped.idx", IdxFiles.Gzip(content));
        string rawWithGzExtension = _folder.Write("raw.gz", content);

        IdxArray fromGzip = IdxReader.Read(gzippedWithoutExtension);
        IdxArray fromRaw = IdxReader.Read(rawWithGzExtension);

        CollectionAssert.AreEqual(new[] { 3, 2 }, fromGzip.Dimensions.ToArray());
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6 }, fromGzip.Data);
        CollectionAssert.AreEqual(fromGzip.Data, fromRaw.Data);
    }

    [TestMethod]
    public void Read_LargeGzippedFile_GrowsItsBufferToTheExactSize()
    {
        byte[] data = IdxFiles.Sequence(3_000_000);
        string path = _folder.Write("large.gz", IdxFiles.Gzip(IdxFiles.Build([3000, 1000], data)));

        IdxArray array = IdxReader.Read(path);

        CollectionAssert.AreEqual(new[] { 3000, 1000 }, array.Dimensions.ToArray());
        Assert.HasCount(data.Length, array.Data);
        Assert.IsTrue(data.AsSpan().SequenceEqual(array.Data));
    }

    [TestMethod]
    public void Read_MaxItems_ReadsOnlyTheFirstItems()
    {
        byte[] content = IdxFiles.Build([3, 2], [1, 2, 3, 4, 5, 6]);
        string raw = _folder.Write("raw.idx", content);
        string gzipped = _folder.Write("gzipped.idx.gz", IdxFiles.Gzip(content));

        foreach (string path in new[] { raw, gzipped })
        {
            IdxArray array = IdxReader.Read(path, maxItems: 2);

            CollectionAssert.AreEqual(new[] { 2, 2 }, array.Dimensions.ToArray());
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4 }, array.Data);
        }
    }

    [TestMethod]
    public void Read_MaxItemsAboveTheCount_ReadsEverything()
    {
        string path = _folder.Write("raw.idx", IdxFiles.Build([3], [7, 8, 9]));

        IdxArray array = IdxReader.Read(path, maxItems: 10);

        Assert.AreEqual(3, array.Count);
        CollectionAssert.AreEqual(new byte[] { 7, 8, 9 }, array.Data);
    }

    [TestMethod]
    public void Read_NonPositiveMaxItems_Throws()
    {
        string path = _folder.Write("raw.idx", IdxFiles.Build([3], [7, 8, 9]));

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => IdxReader.Read(path, maxItems: 0));
    }

    [TestMethod]
    public void Item_OutOfRange_Throws()
    {
        IdxArray array = IdxReader.Read(_folder.Write("raw.idx", IdxFiles.Build([3], [7, 8, 9])));

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => array.Item(3));
    }

    [TestMethod]
    public void ReadDimensions_ReadsTheHeaderOfRawAndGzippedFiles()
    {
        byte[] content = IdxFiles.Build([5, 2, 3], IdxFiles.Sequence(30));
        string raw = _folder.Write("raw.idx", content);
        string gzipped = _folder.Write("gzipped.gz", IdxFiles.Gzip(content));

        CollectionAssert.AreEqual(new[] { 5, 2, 3 }, IdxReader.ReadDimensions(raw).ToArray());
        CollectionAssert.AreEqual(new[] { 5, 2, 3 }, IdxReader.ReadDimensions(gzipped).ToArray());
    }

    [TestMethod]
    public void Read_MissingFile_ThrowsFileNotFoundNamingTheFile()
    {
        string path = Path.Combine(_folder.Path, "missing-idx3-ubyte");

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.AreEqual(path, error.FileName);
    }

    [TestMethod]
    public void Read_EmptyFile_Throws()
    {
        string path = _folder.Write("empty.idx", []);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("is empty", error.Message);
    }

    [TestMethod]
    public void Read_BadMagic_ThrowsNamingTheBytesFound()
    {
        string path = _folder.Write("picture.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("magic number", error.Message);
        Assert.Contains("89504E47", error.Message);
    }

    [TestMethod]
    public void Read_BadMagicInsideGzip_Throws()
    {
        string path = _folder.Write("text.gz", IdxFiles.Gzip("hello, world"u8.ToArray()));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("magic number", error.Message);
    }

    [TestMethod]
    public void Read_FileShorterThanTheMagicNumber_Throws()
    {
        string path = _folder.Write("short.idx", [0, 0]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("too short", error.Message);
        Assert.Contains("after 2 bytes", error.Message);
    }

    [TestMethod]
    public void Read_UnsupportedDataType_ThrowsNamingTheType()
    {
        string path = _folder.Write("floats.idx", IdxFiles.Build([1], [0, 0, 0, 0], type: 0x0D));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("data type 0x0D (32-bit float)", error.Message);
        Assert.Contains("only 0x08 (unsigned byte) is supported", error.Message);
    }

    [TestMethod]
    public void Read_ZeroDimensions_Throws()
    {
        string path = _folder.Write("scalar.idx", [0, 0, 8, 0, 42]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("declares 0 dimensions", error.Message);
    }

    [TestMethod]
    public void Read_ZeroOrNegativeDimension_Throws()
    {
        string zero = _folder.Write("zero.idx", IdxFiles.Build([3, 0], []));
        string negative = _folder.Write("negative.idx", IdxFiles.Build([-5], []));

        var zeroError = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(zero));
        var negativeError = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(negative));

        Assert.Contains("dimension 1 with size 0 (dimensions 3x0)", zeroError.Message);
        Assert.Contains("must be positive", zeroError.Message);
        Assert.Contains("dimension 0 with size -5", negativeError.Message);
    }

    [TestMethod]
    public void Read_TruncatedHeader_Throws()
    {
        string path = _folder.Write("header.idx", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("truncated inside its header", error.Message);
        Assert.Contains("3 dimensions (12 bytes of sizes) but only 6 bytes", error.Message);
    }

    [TestMethod]
    public void Read_TruncatedRawData_ThrowsBeforeReading()
    {
        string path = _folder.Write("truncated.idx", IdxFiles.Build([3, 4], IdxFiles.Sequence(10)));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("is truncated: its header declares 3x4 = 12 values but only 10 bytes of data follow the header", error.Message);
    }

    [TestMethod]
    public void Read_TruncatedGzippedData_Throws()
    {
        string path = _folder.Write("truncated.gz", IdxFiles.Gzip(IdxFiles.Build([3, 4], IdxFiles.Sequence(10))));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("is truncated: 12 bytes of data were expected after the header but the data ends after 10 bytes", error.Message);
    }

    [TestMethod]
    public void Read_TruncatedLargeGzippedData_ThrowsAfterGrowingItsBuffer()
    {
        string path = _folder.Write("truncated.gz", IdxFiles.Gzip(IdxFiles.Build([3000, 1000], IdxFiles.Sequence(2_500_000))));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("3000000 bytes of data were expected after the header but the data ends after 2500000 bytes", error.Message);
    }

    [TestMethod]
    public void Read_HeaderClaimingATrillionValues_FailsQuicklyWithAClearMessage()
    {
        byte[] content = IdxFiles.Build([1_000_000, 1_000_000], IdxFiles.Sequence(16));
        string raw = _folder.Write("huge.idx", content);
        string gzipped = _folder.Write("huge.gz", IdxFiles.Gzip(content));
        var clock = Stopwatch.StartNew();

        var rawError = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(raw));
        var gzipError = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(gzipped));

        Assert.IsLessThan(5000L, clock.ElapsedMilliseconds);
        Assert.Contains("1000000x1000000 = 1000000000000 values but only 16 bytes of data follow the header", rawError.Message);
        Assert.Contains(gzipped, gzipError.Message);
        Assert.Contains("1000000x1000000 = 1000000000000 values, more than the", gzipError.Message);
        Assert.Contains("an array can hold", gzipError.Message);
    }

    [TestMethod]
    public void Read_GzippedHeaderClaimingMoreThanItHolds_DoesNotAllocateTheClaim()
    {
        string path = _folder.Write("claim.gz", IdxFiles.Gzip(IdxFiles.Build([2_000_000_000], IdxFiles.Sequence(16))));
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.IsLessThan(64L << 20, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Contains("2000000000 bytes of data were expected after the header but the data ends after 16 bytes", error.Message);
    }

    [TestMethod]
    public void Read_TrailingBytes_Throws()
    {
        byte[] content = [.. IdxFiles.Build([2, 2], [1, 2, 3, 4]), 9, 9, 9];
        string raw = _folder.Write("trailing.idx", content);
        string gzipped = _folder.Write("trailing.gz", IdxFiles.Gzip(content));

        var rawError = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(raw));
        var gzipError = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(gzipped));

        Assert.Contains(raw, rawError.Message);
        Assert.Contains("has 3 trailing bytes after the data its header declares (2x2 values)", rawError.Message);
        Assert.Contains(gzipped, gzipError.Message);
        Assert.Contains("has 3 trailing bytes", gzipError.Message);
    }

    [TestMethod]
    public void Read_CorruptGzip_ThrowsNamingTheFile()
    {
        string path = _folder.Write("corrupt.gz", [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("gzip", error.Message);
    }
}
