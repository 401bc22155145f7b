using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class WeightAverageTests
{
    [TestMethod]
    public void Update_FollowsTheWarmedUpExponentialAverage()
    {
        // One weight set to 1, 2, 3 before three updates, with β = 0.5: βₜ = min(0.5, (1 + t)/(10 + t)) is 2/11 at
        // t = 1, then 0.25, then 4/13: a₁ = a₀ + (9/11)(1 − a₀), a₂ = a₁ + 0.75(2 − a₁), a₃ = a₂ + (9/13)(3 − a₂),
        // computed here in double from the starting value a₀.
        var network = new MlpArchitecture(2, [], 1, MlpTask.Regression).Build(new Gemm(), new Rng(1));
        float[] weight = network.Parameters[0].Value;
        weight[0] = 0.25f;
        var average = new WeightAverage(network, decay: 0.5);
        double expected = 0.25;
        double[] rates = [9.0 / 11, 0.75, 9.0 / 13];
        for (int t = 0; t < 3; t++)
        {
            weight[0] = t + 1;
            average.Update();
            expected += rates[t] * (t + 1 - expected);
        }

        average.Swap();
        Assert.AreEqual(expected, weight[0], 1e-6, "the average is in the network");
        average.Swap();
        Assert.AreEqual(3f, weight[0], "the trained weight is back");
    }

    [TestMethod]
    [DataRow(2f, 10, 0.95)]
    [DataRow(0.5f, 4, 0.5)]
    [DataRow(0.01f, 4, 0.0)]
    public void DecayFor_SpansTheGivenEpochs(float epochs, int steps, double decay)
    {
        Assert.AreEqual(decay, WeightAverage.DecayFor(epochs, steps), 1e-12);
    }

    [TestMethod]
    public void Fit_WithAveraging_KeepsTheValidatedAverageAndLearns()
    {
        // The recorded validation metric of the kept epoch is the kept model's accuracy on the validation rows: what
        // was validated is the average, and it is what the model holds.
        var train = SyntheticData.Blobs(100, 3, 4, seed: 1);
        var validation = SyntheticData.Blobs(60, 3, 4, seed: 2);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.WeightAveragingEpochs = 2f;
        options.KeepBestEpoch = true;

        var model = Quick.Fit(options, train, validation);

        double accuracy = ModelMetrics.Accuracy(model, validation);
        Assert.IsGreaterThan(0.95, accuracy);
        options.WeightAveragingEpochs = 0f;
        Assert.IsTrue(ModelAssert.AnyTensorDiffers(model, Quick.Fit(options, train, validation)), "averaging changes the model");
        Assert.AreEqual(accuracy, model.History.Epochs[model.History.BestEpoch - 1].ValidationMetric!.Value, 1e-12);
    }
}
