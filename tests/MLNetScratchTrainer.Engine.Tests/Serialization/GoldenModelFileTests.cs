using System.IO.Compression;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Serialization;

/// <summary>
/// Model files saved by an earlier version of the library (format version 2, before the layers were described in one
/// place) load, and saving them again writes the same header and tensors to the byte: the format has not moved.
/// </summary>
/// <remarks>
/// The files in Golden/ hold random weights: a regression network with input preprocessing, two batch-normalised tanh
/// layers, dropout and target scaling; a linear multiclass model; a binary model with one leaky-ReLU layer.
/// </remarks>
[TestClass]
public sealed class GoldenModelFileTests
{
    [TestMethod]
    [DataRow("regression-batchnorm-v2.zip")]
    [DataRow("multiclass-linear-v2.zip")]
    [DataRow("binary-one-hidden-v2.zip")]
    public void Load_AVersionTwoFile_SavesBackTheSameBytes(string file)
    {
        byte[] golden = File.ReadAllBytes(RepositoryFiles.Find(Path.Combine("tests", "MLNetScratchTrainer.Engine.Tests", "Serialization", "Golden", file)));

        var model = MlpModel.Load(new MemoryStream(golden));

        byte[] saved = ModelArchive.Save(model);
        foreach (string entry in new[] { ModelArchive.HeaderEntry, ModelArchive.TensorsEntry })
        {
            CollectionAssert.AreEqual(Entry(golden, entry), Entry(saved, entry), entry);
        }
    }

    [TestMethod]
    public void Load_AVersionTwoFile_RebuildsTheLayersItWasSavedWith()
    {
        var model = MlpModel.Load(RepositoryFiles.Find(Path.Combine("tests", "MLNetScratchTrainer.Engine.Tests", "Serialization", "Golden", "regression-batchnorm-v2.zip")));

        Assert.AreEqual(3, model.InputSize, "three raw features, one with a missing-value indicator");
        CollectionAssert.AreEqual(
            new[] { "dense0.weight", "dense0.bias", "batchnorm0.gamma", "batchnorm0.beta", "dense1.weight", "dense1.bias", "batchnorm1.gamma", "batchnorm1.beta", "dense2.weight", "dense2.bias", "batchnorm0.running_mean", "batchnorm0.running_var", "batchnorm1.running_mean", "batchnorm1.running_var" },
            model.TensorNames.ToArray());
        CollectionAssert.AreEqual(model.GetTensor("dense1.weight").ToArray(), model.CreateNetwork().Parameters[4].Value);
    }

    private static byte[] Entry(byte[] archive, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        using var source = zip.GetEntry(name)!.Open();
        using var content = new MemoryStream();
        source.CopyTo(content);
        return content.ToArray();
    }
}
