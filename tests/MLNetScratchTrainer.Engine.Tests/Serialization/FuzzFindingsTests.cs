using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Serialization;

/// <summary>Regression tests for what the loader fuzzer (tests/MLNetScratchTrainer.Fuzz) found in <c>ModelFile.Load</c>.</summary>
[TestClass]
public sealed class FuzzFindingsTests
{
    private static readonly byte[] Valid = ModelArchive.Save(RandomModels.Create(new MlpArchitecture(3, [4], 2, MlpTask.MulticlassClassification), seed: 1));

    [TestMethod]
    public void Load_NullInTheTensorList_ThrowsInvalidDataNotNullReference()
    {
        // Found as "header.json: Tensors[10] set to null": building the error message dereferenced the null entry.
        byte[] forged = ModelArchive.Rewrite(Valid, header => header["Tensors"]![1] = null);

        var exception = Assert.ThrowsExactly<InvalidDataException>(() => MlpModel.Load(new MemoryStream(forged)));

        Assert.Contains("the header lists tensors [dense0.weight 3x4, null, ", exception.Message);
    }

    [TestMethod]
    public void Load_NullEpochInTheHistory_ThrowsInvalidData()
    {
        // The model itself is intact, but a history holding null would throw later, wherever it is read.
        byte[] forged = ModelArchive.Rewrite(Valid, header => header["History"] = new JsonObject { ["Epochs"] = new JsonArray((JsonNode?)null), ["StopReason"] = "Completed" });

        var exception = Assert.ThrowsExactly<InvalidDataException>(() => MlpModel.Load(new MemoryStream(forged)));

        Assert.Contains("empty epoch record", exception.Message);
    }

    [TestMethod]
    public void Load_HeaderDamagedBehindAnUnchangedCrc_ThrowsInvalidData()
    {
        // Found as a three-bit flip that loaded with different scores: ZipArchive does not verify CRC-32s, the SHA-256 covers
        // only the tensors, so a damaged digit of the target scaling loaded as another model. Stored uncompressed here, the
        // header's digits sit in the file as text and one can be changed without touching the CRC.
        var model = RandomModels.Create(new MlpArchitecture(3, [4], 1, MlpTask.Regression), seed: 2, new TargetScaling([250f], [80f]));
        var (header, tensors) = ModelArchive.Open(ModelArchive.Save(model));
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(ModelArchive.HeaderEntry, CompressionLevel.NoCompression).Open())
            {
                entry.Write(Encoding.UTF8.GetBytes(header.ToJsonString()));
            }

            using (var entry = zip.CreateEntry(ModelArchive.TensorsEntry).Open())
            {
                entry.Write(tensors);
            }
        }

        byte[] bytes = file.ToArray();
        Assert.AreEqual(250f, MlpModel.Load(new MemoryStream(bytes)).TargetScaling!.Mean[0], "the undamaged file loads");
        int digit = bytes.AsSpan().IndexOf("\"TargetMean\":[250"u8) + "\"TargetMean\":[".Length;
        bytes[digit] = (byte)'3';

        var exception = Assert.ThrowsExactly<InvalidDataException>(() => MlpModel.Load(new MemoryStream(bytes)));

        Assert.Contains("the CRC-32 of header.json does not match", exception.Message);
    }
}
