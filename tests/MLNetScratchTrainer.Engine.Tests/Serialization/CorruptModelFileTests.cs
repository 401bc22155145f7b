using System.Text.Json.Nodes;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Data;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Serialization;

/// <summary>Every kind of damaged or forged model file is refused with a message saying what is wrong.</summary>
[TestClass]
public sealed class CorruptModelFileTests : IDisposable
{
    private static readonly byte[] Valid = ModelArchive.Save(
        RandomModels.Create(new MlpArchitecture(3, [4], 2, MlpTask.MulticlassClassification, batchNormalization: true), seed: 1));

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [TestMethod]
    public void Load_TheUndamagedFile_Succeeds() => Assert.AreEqual(3, Load(Valid).InputSize);

    [TestMethod]
    public void Load_NonexistentPath_ThrowsFileNotFoundNamingIt()
    {
        string path = Path.Combine(_folder.Path, "missing.zip");

        var exception = Assert.ThrowsExactly<FileNotFoundException>(() => MlpModel.Load(path));

        Assert.Contains(path, exception.Message);
    }

    [TestMethod]
    public void Load_RandomBytes_ThrowsNotAZipNamingTheFile()
    {
        string path = _folder.Write("noise.zip", [.. RandomValues.Uniform(1000, seed: 2, min: 0f, max: 256f).Select(v => (byte)v)]);

        var exception = Assert.ThrowsExactly<InvalidDataException>(() => MlpModel.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("not a zip archive", exception.Message);
    }

    [TestMethod]
    public void Load_TruncatedFile_Throws()
        => Assert.ThrowsExactly<InvalidDataException>(() => Load(Valid[..(Valid.Length / 2)]));

    [TestMethod]
    public void Load_ZipWithoutHeader_Throws()
        => AssertRejected(ModelArchive.Build(("weights.bin", new byte[16])), "has no header.json");

    [TestMethod]
    public void Load_HeaderNotJson_Throws()
        => AssertRejected(ModelArchive.Build((ModelArchive.HeaderEntry, "{ not json"u8.ToArray())), "header.json cannot be read");

    [TestMethod]
    public void Load_WrongFormatName_Throws()
        => AssertRejected(ModelArchive.Rewrite(Valid, header => header["Format"] = "SomethingElse"), "format is 'SomethingElse'");

    [TestMethod]
    public void Load_FutureVersion_Throws()
        => AssertRejected(ModelArchive.Rewrite(Valid, header => header["Version"] = 3), "format version 3 is not supported");

    [TestMethod]
    public void Load_UnknownTask_Throws()
        => AssertRejected(ModelArchive.Rewrite(Valid, header => header["Architecture"]!["Task"] = "Clustering"), "unknown task 'Clustering'");

    [TestMethod]
    public void Load_ImpossibleArchitecture_Throws()
        => AssertRejected(ModelArchive.Rewrite(Valid, header => header["Architecture"]!["HiddenLayers"] = new JsonArray(0)), "architecture is impossible");

    [TestMethod]
    public void Load_HeaderClaimingATrillionWeights_ThrowsBeforeAllocatingThem()
    {
        // 10⁶ inputs × 10⁶ hidden units = 10¹² weights (4 TB). The loader must refuse from the header alone, naming every
        // value claimed: 10¹² + 10⁶ (bias) + 4·10⁶ (batch norm) in the hidden layer, 2·10⁶ + 2 in the output layer.
        byte[] forged = ModelArchive.Rewrite(Valid, header =>
        {
            header["Architecture"]!["InputSize"] = 1_000_000;
            header["Architecture"]!["HiddenLayers"] = new JsonArray(1_000_000);
        });
        long before = GC.GetAllocatedBytesForCurrentThread();

        AssertRejected(forged, "claims 1000007000002 values");

        Assert.IsLessThan(16L << 20, GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated while refusing");
    }

    [TestMethod]
    public void Load_HeaderListingAMillionHiddenLayers_ThrowsBeforeDescribingThem()
    {
        // A 2 MB header of one-unit layers is small in values but would need millions of tensor descriptions.
        byte[] forged = ModelArchive.Rewrite(Valid, header => header["Architecture"]!["HiddenLayers"] = new JsonArray([.. Enumerable.Range(0, 1_000_000).Select(_ => (JsonNode?)1)]));
        long before = GC.GetAllocatedBytesForCurrentThread();

        AssertRejected(forged, "has 1000000 hidden layers, more than the 1000");

        Assert.IsLessThan(64L << 20, GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated while refusing");
    }

    [TestMethod]
    public void Load_HeaderOverTheLimitOnlyThroughBatchNormState_Throws()
    {
        // 1 input, 16 382 batch-normalised hidden units, 16 382 outputs: the dense layers hold 268 419 070 values,
        // under the 2²⁸ = 268 435 456 limit; the four batch-norm vectors add 65 528 and take the file over it.
        byte[] forged = ModelArchive.Rewrite(Valid, header =>
        {
            header["Architecture"]!["InputSize"] = 1;
            header["Architecture"]!["HiddenLayers"] = new JsonArray(16_382);
            header["Architecture"]!["OutputSize"] = 16_382;
        });

        AssertRejected(forged, "claims 268484598 values, more than the 268435456");
    }

    [TestMethod]
    public void Load_TensorListNotMatchingTheArchitecture_Throws()
        => AssertRejected(ModelArchive.Rewrite(Valid, header => header["Tensors"]![0]!["Name"] = "dense0.kernel"), "the header lists tensors");

    [TestMethod]
    public void Load_TensorShapeNotMatchingTheArchitecture_Throws()
        => AssertRejected(ModelArchive.Rewrite(Valid, header => header["Tensors"]![0]!["Rows"] = 4), "the header lists tensors");

    [TestMethod]
    public void Load_WithoutTensors_Throws()
    {
        var (header, _) = ModelArchive.Open(Valid);

        AssertRejected(ModelArchive.Build((ModelArchive.HeaderEntry, System.Text.Encoding.UTF8.GetBytes(header.ToJsonString()))), "has no tensors.bin");
    }

    [TestMethod]
    public void Load_TensorsTruncated_ThrowsStatingBothSizes()
        => AssertRejected(ModelArchive.Rewrite(Valid, editTensors: tensors => tensors[..^4]), "bytes but the architecture needs");

    [TestMethod]
    public void Load_TensorsTooLong_Throws()
        => AssertRejected(ModelArchive.Rewrite(Valid, editTensors: tensors => [.. tensors, 0, 0, 0, 0]), "bytes but the architecture needs");

    [TestMethod]
    public void Load_OneFlippedByteInTheWeights_ThrowsChecksumError()
    {
        byte[] damaged = ModelArchive.Rewrite(Valid, editTensors: tensors =>
        {
            tensors[tensors.Length / 2] ^= 0x01;
            return tensors;
        });

        AssertRejected(damaged, "checksum");
    }

    [TestMethod]
    public void Load_NaNWeightWithAMatchingChecksum_ThrowsNamingTheTensor()
    {
        // A NaN written by a buggy tool, its checksum recomputed so only the value check can catch it.
        byte[] withNaN = ModelArchive.Rewrite(
            Valid,
            header => header["TensorsSha256"] = ModelArchive.Sha256(WithNaN(ModelArchive.Open(Valid).Tensors)),
            WithNaN);

        AssertRejected(withNaN, "tensor dense0.weight holds NaN at index 1");
    }

    [TestMethod]
    public void Load_TargetScalingOnAClassifier_Throws()
        => AssertRejected(
            ModelArchive.Rewrite(Valid, header => (header["TargetMean"], header["TargetScale"]) = (new JsonArray(0f, 0f), new JsonArray(1f, 1f))),
            "target scaling does not fit");

    private static byte[] WithNaN(byte[] tensors)
    {
        BitConverter.GetBytes(float.NaN).CopyTo(tensors, 4);
        return tensors;
    }

    private static MlpModel Load(byte[] archive) => MlpModel.Load(new MemoryStream(archive));

    private static void AssertRejected(byte[] archive, string expectedMessagePart)
    {
        var exception = Assert.ThrowsExactly<InvalidDataException>(() => Load(archive));

        Assert.Contains(expectedMessagePart, exception.Message);
        Assert.Contains("is not a valid MLNetScratchTrainer model", exception.Message);
    }
}
