using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class WarmStartTests
{
    [TestMethod]
    public void Fit_WithInitialModel_ContinuesFromItsWeights()
    {
        var data = SyntheticData.Blobs(60, 3, 4, seed: 1);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        var first = Quick.Fit(options, data);
        double previousLast = first.History.Epochs[^1].TrainLoss, freshFirst = first.History.Epochs[0].TrainLoss;

        var resumed = Quick.Fit(options, data, initialModel: first);

        // The optimizer's moments start afresh, so the first resumed epoch may wobble a little, but it starts
        // where the first run ended, far below where a fresh run starts.
        double resumedFirst = resumed.History.Epochs[0].TrainLoss;
        Assert.IsLessThan(previousLast * 1.5, resumedFirst, $"previous last epoch {previousLast}");
        Assert.IsLessThan(freshFirst / 3, resumedFirst, $"fresh first epoch {freshFirst}");
        Assert.IsLessThanOrEqualTo(previousLast, resumed.History.Epochs[^1].TrainLoss);
    }

    [TestMethod]
    public void Fit_WithInitialModel_LeavesItsWeightsAsTheyWere()
    {
        // The trained model takes over the trainer's arrays; the initial model's are only copied into the network.
        var data = SyntheticData.Blobs(40, 2, 3, seed: 5);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        var first = Quick.Fit(options, data);
        float[][] before = [.. first.RawTensors.Select(tensor => (float[])tensor.Clone())];

        var resumed = Quick.Fit(options, data, initialModel: first);

        for (int i = 0; i < before.Length; i++)
        {
            CollectionAssert.AreEqual(before[i], first.RawTensors[i], $"tensor {first.TensorNames[i]} of the initial model");
            Assert.AreNotSame(first.RawTensors[i], resumed.RawTensors[i]);
        }

        CollectionAssert.AreNotEqual(before[0], resumed.RawTensors[0], "the resumed model trained on");
    }

    [TestMethod]
    public void Fit_WithInitialModel_KeepsItsArchitecture()
    {
        var data = SyntheticData.Blobs(20, 2, 3, seed: 2);
        var first = Quick.Fit(Quick.Options(MlpTask.MulticlassClassification), data);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.HiddenLayers = [3, 3];
        options.NumberOfEpochs = 1;

        var resumed = Quick.Fit(options, data, initialModel: first);

        CollectionAssert.AreEqual(first.Architecture.HiddenLayers.ToArray(), resumed.Architecture.HiddenLayers.ToArray());
    }

    [TestMethod]
    public void Fit_WithInitialModelOfOtherInputSize_ThrowsNamingTheSizes()
    {
        var first = Quick.Fit(Quick.Options(MlpTask.MulticlassClassification), SyntheticData.Blobs(20, 2, 3, seed: 3));

        var exception = Assert.ThrowsExactly<ArgumentException>(
            () => Quick.Fit(Quick.Options(MlpTask.MulticlassClassification), SyntheticData.Blobs(20, 2, 5, seed: 4), initialModel: first));

        Assert.Contains("5 features per row but the network expects 3", exception.Message);
    }
}
