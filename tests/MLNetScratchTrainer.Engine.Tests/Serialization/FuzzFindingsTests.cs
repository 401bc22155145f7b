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
}
