using System.Text.Json.Nodes;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Serialization;

/// <summary>The input preprocessing travels in the model file and is checked when it is read back.</summary>
[TestClass]
public sealed class PreprocessingFileTests
{
    // Three raw features, the second with a missing-value indicator: the network takes four inputs.
    private static readonly InputPreprocessor Preprocessor = new([1f, 2f, 3f], [0.5f, 2f, -1f], [2f, 0.25f, 0f], 3f, [1]);

    private static MlpModel CreateModel()
    {
        var architecture = new MlpArchitecture(4, [5], 2, MlpTask.MulticlassClassification);
        var network = RandomModels.Create(architecture, seed: 3).CreateNetwork(new Gemm());
        return MlpModel.FromNetwork(architecture, network, TrainingHistory.Empty, preprocessor: Preprocessor);
    }

    [TestMethod]
    public void SaveThenLoad_KeepsThePreprocessingAndPredictsTheSame_MissingValuesIncluded()
    {
        var model = CreateModel();

        var loaded = MlpModel.Load(new MemoryStream(ModelArchive.Save(model)));

        var read = loaded.Preprocessor!;
        CollectionAssert.AreEqual(Preprocessor.Fill.ToArray(), read.Fill.ToArray());
        CollectionAssert.AreEqual(Preprocessor.Center.ToArray(), read.Center.ToArray());
        CollectionAssert.AreEqual(Preprocessor.Scale.ToArray(), read.Scale.ToArray());
        CollectionAssert.AreEqual(Preprocessor.MissingIndicatorFeatures.ToArray(), read.MissingIndicatorFeatures.ToArray());
        Assert.AreEqual(Preprocessor.ClipBound, read.ClipBound);
        Assert.AreEqual(3, loaded.InputSize);
        float[][] rows = [[0f, float.NaN, 9f], [10f, -4f, float.NaN], [0.5f, 2f, 3f]];
        foreach (float[] row in rows)
        {
            CollectionAssert.AreEqual(model.Predict(row), loaded.Predict(row));
        }
    }

    [TestMethod]
    public void Predict_AppliesThePreprocessingBeforeTheNetwork()
    {
        // The model's prediction equals the network's on the row transformed by hand.
        var model = CreateModel();
        float[] raw = [4f, float.NaN, 7f];
        var inputs = new float[4];
        Preprocessor.Transform(raw, inputs);
        var network = model.CreateNetwork();
        var predictions = new Matrix(1, 2);

        network.Predict(new Matrix(inputs, 1, 4), predictions);

        CollectionAssert.AreEqual(predictions.Span.ToArray(), model.Predict(raw));
    }

    [TestMethod]
    public void Load_PreprocessingOfTheWrongSize_IsRefused()
    {
        byte[] damaged = ModelArchive.Rewrite(ModelArchive.Save(CreateModel()), header => header["Preprocessing"]!["MissingIndicatorFeatures"] = new JsonArray());

        var exception = Assert.ThrowsExactly<InvalidDataException>(() => MlpModel.Load(new MemoryStream(damaged)));

        Assert.Contains("input preprocessing makes 3 inputs but the network takes 4", exception.Message);
    }

    [TestMethod]
    public void Load_NegativeScale_IsRefused()
    {
        byte[] damaged = ModelArchive.Rewrite(ModelArchive.Save(CreateModel()), header => header["Preprocessing"]!["Scale"]![0] = -2f);

        var exception = Assert.ThrowsExactly<InvalidDataException>(() => MlpModel.Load(new MemoryStream(damaged)));

        Assert.Contains("input preprocessing is damaged", exception.Message);
        Assert.Contains("Feature 0", exception.Message);
    }

    [TestMethod]
    public void Load_AVersionOneFileWithoutPreprocessing_StillLoads()
    {
        var plain = RandomModels.Create(new MlpArchitecture(3, [4], 2, MlpTask.MulticlassClassification), seed: 5);
        byte[] versionOne = ModelArchive.Rewrite(ModelArchive.Save(plain), header =>
        {
            header["Version"] = 1;
            header.Remove("Preprocessing");
        });

        var loaded = MlpModel.Load(new MemoryStream(versionOne));

        Assert.IsNull(loaded.Preprocessor);
        CollectionAssert.AreEqual(plain.Predict([1f, 2f, 3f]), loaded.Predict([1f, 2f, 3f]));
    }
}
