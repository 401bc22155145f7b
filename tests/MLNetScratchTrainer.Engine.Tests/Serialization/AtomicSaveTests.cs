using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Data;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Serialization;

/// <summary>A save either completes or leaves everything as it was: no damaged model, no stray temporary file.</summary>
[TestClass]
public sealed class AtomicSaveTests : IDisposable
{
    private static readonly MlpArchitecture Architecture = new(3, [4], 2, MlpTask.MulticlassClassification);

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [TestMethod]
    public void Save_FailingHalfway_LeavesTheExistingModelIntactAndNoTemporaryFile()
    {
        string path = Path.Combine(_folder.Path, "model.zip");
        RandomModels.Create(Architecture, seed: 1).Save(path);
        byte[] original = File.ReadAllBytes(path);

        // A model whose first tensor is one value short fails while its file is being written.
        var good = RandomModels.Create(Architecture, seed: 2);
        float[][] tensors = [.. good.TensorNames.Select(name => good.GetTensor(name).ToArray())];
        tensors[0] = tensors[0][..^1];
        var broken = new MlpModel(Architecture, good.TensorNames, tensors, TrainingHistory.Empty, null);

        Assert.ThrowsExactly<InvalidOperationException>(() => broken.Save(path));

        CollectionAssert.AreEqual(original, File.ReadAllBytes(path), "the existing model is untouched");
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(_folder.Path), "no temporary file is left behind");
    }

    [TestMethod]
    public void Save_IntoAFolderThatIsAFile_ThrowsAndCreatesNothing()
    {
        string notAFolder = _folder.WriteText("plain.txt", "x");

        Assert.Throws<IOException>(() => RandomModels.Create(Architecture, seed: 3).Save(Path.Combine(notAFolder, "model.zip")));

        CollectionAssert.AreEqual(new[] { notAFolder }, Directory.GetFiles(_folder.Path));
    }

    [TestMethod]
    public void Save_OverAnExistingModel_ReplacesIt()
    {
        string path = Path.Combine(_folder.Path, "model.zip");
        RandomModels.Create(Architecture, seed: 4).Save(path);
        var replacement = RandomModels.Create(Architecture, seed: 5);

        replacement.Save(path);

        ModelAssert.BitIdentical(replacement, MlpModel.Load(path));
        Assert.HasCount(1, Directory.GetFiles(_folder.Path));
    }
}
