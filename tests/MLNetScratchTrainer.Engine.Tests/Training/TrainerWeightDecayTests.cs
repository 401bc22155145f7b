using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class TrainerWeightDecayTests
{
    [TestMethod]
    [DataRow(OptimizerKind.Adam)]
    [DataRow(OptimizerKind.AdamW)]
    [DataRow(OptimizerKind.Sgd)]
    public void Fit_WithWeightDecay_ShrinksTheWeightsButNotTheBiases(OptimizerKind optimizer)
    {
        var data = SyntheticData.Blobs(50, 3, 4, seed: 1);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.Optimizer = optimizer;
        options.LearningRate = optimizer == OptimizerKind.Sgd ? 0.1f : 0.01f;
        var plain = Quick.Fit(options, data);
        options.WeightDecay = 0.1f;

        var decayed = Quick.Fit(options, data);

        Assert.IsLessThan(0.8 * SquaredNorm(plain, ".weight"), SquaredNorm(decayed, ".weight"), "weights shrink");
        Assert.IsGreaterThan(0.0, SquaredNorm(decayed, ".bias"), "biases are still trained");
    }

    private static double SquaredNorm(MlpModel model, string suffix)
        => model.TensorNames.Where(name => name.EndsWith(suffix, StringComparison.Ordinal))
            .Sum(name => model.GetTensor(name).ToArray().Sum(w => (double)w * w));
}
