using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class LabelSmoothingRuleTests
{
    [TestMethod]
    public void NullSmoothsMulticlassOnly_AndAnExplicitValueWins()
    {
        var options = new MlpTrainerOptions();

        Assert.AreEqual(0.1f, options.LabelSmoothingFor(MlpTask.MulticlassClassification));
        Assert.AreEqual(0f, options.LabelSmoothingFor(MlpTask.BinaryClassification));
        Assert.AreEqual(0f, options.LabelSmoothingFor(MlpTask.Regression));
        options.LabelSmoothing = 0.2f;
        Assert.AreEqual(0.2f, options.LabelSmoothingFor(MlpTask.BinaryClassification));
    }

    [TestMethod]
    public void DefaultMulticlassTraining_KeepsProbabilitiesNearTheSmoothedTarget()
    {
        // Well separated blobs: trained on one-hot targets, the network drives the winning probability towards 1; with
        // the default ε = 0.1 over 3 classes the loss is lowest at 0.9 + 0.1/3 ≈ 0.933, and the probabilities stay near it.
        var train = SyntheticData.Blobs(60, 3, 3, seed: 21, separation: 6f);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.NumberOfEpochs = 100;
        options.LabelSmoothing = null;

        double smoothed = MeanWinningProbability(Quick.Fit(options, train), train);
        options.LabelSmoothing = 0f;
        double plain = MeanWinningProbability(Quick.Fit(options, train), train);

        Assert.IsTrue(smoothed is > 0.88 and < 0.96, $"with the default smoothing: {smoothed}");
        Assert.IsGreaterThan(0.99, plain, "without smoothing");
    }

    private static double MeanWinningProbability(MlpModel model, Dataset data)
        => Enumerable.Range(0, data.Count).Average(row => (double)model.Predict(data.FeatureRow(row)).Max());
}
