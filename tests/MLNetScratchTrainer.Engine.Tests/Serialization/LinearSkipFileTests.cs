using System.Text.Json.Nodes;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Serialization;

/// <summary>
/// A model with a linear skip saves and loads bit for bit; the header names the skip only when it is on, so files of
/// models without it are byte for byte as before (see <see cref="GoldenModelFileTests"/>).
/// </summary>
[TestClass]
public sealed class LinearSkipFileTests
{
    [TestMethod]
    [DataRow(MlpTask.MulticlassClassification)]
    [DataRow(MlpTask.BinaryClassification)]
    [DataRow(MlpTask.Regression)]
    public void SaveThenLoad_KeepsTheSkip_PredictsExactlyTheSame_AndSavesBackTheSameBytes(MlpTask task)
    {
        int outputs = task == MlpTask.BinaryClassification ? 1 : 2;
        var architecture = new MlpArchitecture(4, [6], outputs, task, Activation.Relu, dropoutRate: 0.2f, linearSkip: true);
        var model = RandomModels.Create(architecture, seed: 1, task == MlpTask.Regression ? new TargetScaling([3f, -1f], [2f, 0.5f]) : null);
        byte[] saved = ModelArchive.Save(model);

        var loaded = MlpModel.Load(new MemoryStream(saved));

        Assert.IsTrue(loaded.Architecture.LinearSkip);
        Assert.AreEqual("skip.weight", loaded.TensorNames[^1]);
        ModelAssert.BitIdentical(model, loaded);
        float[] rows = RandomValues.Uniform(40 * 4, seed: 2, min: -3f, max: 3f);
        var expected = new float[40 * outputs];
        var actual = new float[40 * outputs];
        model.PredictBatch(rows, expected);
        loaded.PredictBatch(rows, actual);
        CollectionAssert.AreEqual(expected, actual);
        var (header, tensors) = ModelArchive.Open(saved);
        var (headerAgain, tensorsAgain) = ModelArchive.Open(ModelArchive.Save(loaded));
        Assert.AreEqual(header.ToJsonString(), headerAgain.ToJsonString());
        CollectionAssert.AreEqual(tensors, tensorsAgain);
    }

    [TestMethod]
    public void Header_NamesTheSkipOnlyWhenItIsOn()
    {
        JsonObject Architecture(bool skip) => ModelArchive.Open(ModelArchive.Save(RandomModels.Create(new MlpArchitecture(3, [4], 2, MlpTask.MulticlassClassification, linearSkip: skip), seed: 3))).Header["Architecture"]!.AsObject();

        Assert.IsTrue(Architecture(skip: true)["LinearSkip"]!.GetValue<bool>());
        Assert.IsFalse(Architecture(skip: false).ContainsKey("LinearSkip"));
    }

    [TestMethod]
    public void Load_ASkipModelReadWithoutTheField_IsRefusedAtItsTensorList()
    {
        // What a reader that does not know the field sees: an architecture without the skip, and a skip.weight tensor.
        byte[] saved = ModelArchive.Save(RandomModels.Create(new MlpArchitecture(3, [4], 2, MlpTask.MulticlassClassification, linearSkip: true), seed: 4));
        byte[] withoutField = ModelArchive.Rewrite(saved, header => header["Architecture"]!.AsObject().Remove("LinearSkip"));

        var exception = Assert.ThrowsExactly<InvalidDataException>(() => MlpModel.Load(new MemoryStream(withoutField)));

        StringAssert.Contains(exception.Message, "skip.weight 3x2] but the architecture needs [dense0.weight");
    }
}
