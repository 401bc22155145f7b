using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

/// <summary>XOR, the problem a single layer cannot solve and one hidden layer can.</summary>
[TestClass]
public sealed class XorTests
{
    [TestMethod]
    public void Fit_OneHiddenLayerOfFourTanhUnits_GetsAllFourRowsRight()
    {
        var model = Quick.Fit(XorOptions([4]), SyntheticData.Xor());

        Assert.AreEqual(1.0, ModelMetrics.Accuracy(model, SyntheticData.Xor()));
    }

    [TestMethod]
    public void Fit_NoHiddenLayer_CannotGetAllFourRowsRight()
    {
        // Logistic regression draws one line: at most three of the four rows are on the right side.
        var model = Quick.Fit(XorOptions([]), SyntheticData.Xor());

        Assert.IsLessThanOrEqualTo(0.75, ModelMetrics.Accuracy(model, SyntheticData.Xor()));
    }

    private static Engine.Training.MlpTrainerOptions XorOptions(int[] hiddenLayers)
    {
        var options = Quick.Options(MlpTask.BinaryClassification);
        options.HiddenLayers = hiddenLayers;
        options.Activation = Activation.Tanh;
        options.LearningRate = 0.05f;
        options.BatchSize = 4;
        options.NumberOfEpochs = 500;
        return options;
    }
}
