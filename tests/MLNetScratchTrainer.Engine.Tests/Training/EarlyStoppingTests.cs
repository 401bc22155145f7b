using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class EarlyStoppingTests
{
    [TestMethod]
    public void Fit_OverfittingNetwork_StopsEarlyAndRestoresTheBestEpoch()
    {
        // Twenty training rows from two heavily overlapping blobs, memorised by a network with thousands of
        // weights: the validation loss soon climbs while the training loss keeps falling.
        var train = SyntheticData.Blobs(10, 2, 2, seed: 1, separation: 1f);
        var validation = SyntheticData.Blobs(100, 2, 2, seed: 2, separation: 1f);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.HiddenLayers = [64, 64];
        options.NumberOfEpochs = 300;
        options.EarlyStoppingPatience = 2;

        var model = Quick.Fit(options, train, validation);

        var history = model.History;
        Assert.AreEqual(StopReason.EarlyStopped, history.StopReason);
        Assert.HasCount(history.BestEpoch + 2, history.Epochs, "stops exactly patience epochs after the best");
        Assert.IsLessThan(300, history.Epochs.Count);
        double best = history.Epochs[history.BestEpoch - 1].ValidationLoss!.Value;
        var expected = history.Epochs.OrderByDescending(e => e.ValidationMetric).ThenBy(e => e.ValidationLoss).First();
        Assert.AreEqual(expected.Epoch, history.BestEpoch, "the best epoch has the highest validation accuracy, then the lowest loss");

        // The returned weights are the best epoch's: recomputing their validation loss gives the recorded one
        // (to double rounding: the trainer multiplies the batch loss by the row count and divides it back).
        Assert.AreEqual(best, ValidationLoss(model, validation), best * 1e-12);
        Assert.IsGreaterThan(best, history.Epochs[^1].ValidationLoss!.Value, "the last epoch was worse");
    }

    [TestMethod]
    public void Fit_PatienceWithoutValidationData_Throws()
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.EarlyStoppingPatience = 3;

        var exception = Assert.ThrowsExactly<ArgumentException>(() => Quick.Fit(options, SyntheticData.Blobs(10, 2, 2, seed: 3)));

        Assert.Contains("needs validation data", exception.Message);
    }

    private static double ValidationLoss(MlpModel model, Dataset validation)
    {
        var network = model.CreateNetwork();
        var input = new Matrix(validation.Features, validation.Count, validation.FeatureCount);
        return network.ForwardLoss(input, validation.Labels, default, training: false);
    }
}
