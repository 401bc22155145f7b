using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Data;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Serialization;

[TestClass]
public sealed class ModelRoundTripTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [TestMethod]
    [DataRow(MlpTask.MulticlassClassification)]
    [DataRow(MlpTask.BinaryClassification)]
    [DataRow(MlpTask.Regression)]
    public void SaveThenLoad_PredictsExactlyTheSame(MlpTask task)
    {
        // Batch norm (running statistics are saved state), dropout (must stay off at inference) and, for
        // regression, target scaling on two outputs: every part of the file that changes predictions.
        int outputs = task switch { MlpTask.MulticlassClassification => 3, MlpTask.BinaryClassification => 1, _ => 2 };
        var scaling = task == MlpTask.Regression ? new TargetScaling([300f, -2f], [120f, 0.5f]) : null;
        var architecture = new MlpArchitecture(4, [6, 5], outputs, task, Activation.Tanh, dropoutRate: 0.3f, batchNormalization: true);
        var model = RandomModels.Create(architecture, seed: 1, scaling);
        string path = Path.Combine(_folder.Path, "model.zip");

        model.Save(path);
        var loaded = MlpModel.Load(path);

        var read = loaded.Architecture;
        Assert.AreEqual((architecture.InputSize, architecture.OutputSize, architecture.Task), (read.InputSize, read.OutputSize, read.Task));
        Assert.AreEqual((architecture.Activation, architecture.DropoutRate, architecture.BatchNormalization), (read.Activation, read.DropoutRate, read.BatchNormalization));
        CollectionAssert.AreEqual(architecture.HiddenLayers.ToArray(), read.HiddenLayers.ToArray());
        Assert.AreEqual(scaling is null, loaded.TargetScaling is null);
        CollectionAssert.AreEqual(scaling?.Mean.ToArray(), loaded.TargetScaling?.Mean.ToArray());
        CollectionAssert.AreEqual(scaling?.Scale.ToArray(), loaded.TargetScaling?.Scale.ToArray());
        ModelAssert.BitIdentical(model, loaded);
        float[] rows = RandomValues.Uniform(50 * 4, seed: 2, min: -3f, max: 3f);
        var expected = new float[50 * outputs];
        var actual = new float[50 * outputs];
        model.PredictBatch(rows, expected);
        loaded.PredictBatch(rows, actual);
        CollectionAssert.AreEqual(expected, actual);
    }

    [TestMethod]
    public void SaveThenLoad_KeepsTheTrainingHistory()
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.NumberOfEpochs = 4;
        var model = Quick.Fit(options, SyntheticData.Blobs(20, 3, 2, seed: 3), SyntheticData.Blobs(10, 3, 2, seed: 4));

        var loaded = MlpModel.Load(new MemoryStream(ModelArchive.Save(model)));

        CollectionAssert.AreEqual(model.History.Epochs.ToArray(), loaded.History.Epochs.ToArray());
        Assert.AreEqual(model.History.StopReason, loaded.History.StopReason);
        Assert.AreEqual(model.History.BestEpoch, loaded.History.BestEpoch);
        Assert.AreEqual("accuracy", loaded.History.MetricName);
        Assert.IsNotNull(loaded.History.Epochs[0].ValidationLoss);
    }
}
