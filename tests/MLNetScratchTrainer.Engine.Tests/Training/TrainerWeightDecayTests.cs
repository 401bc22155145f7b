using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class TrainerWeightDecayTests
{
    // Adam and SGD add λ·w to the gradient (coupled L2); AdamW subtracts lr·λ·w from the weights each step,
    // independent of the gradients' scale, so it needs a larger λ for a comparable effect in 150 steps.
    [TestMethod]
    [DataRow(OptimizerKind.Adam, 0.1f)]
    [DataRow(OptimizerKind.AdamW, 1f)]
    [DataRow(OptimizerKind.Sgd, 0.1f)]
    public void Fit_WithWeightDecay_ShrinksTheWeights(OptimizerKind optimizer, float weightDecay)
    {
        var data = SyntheticData.Blobs(50, 3, 4, seed: 1);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.Optimizer = optimizer;
        options.LearningRate = optimizer == OptimizerKind.Sgd ? 0.1f : 0.01f;
        var plain = Quick.Fit(options, data);
        options.WeightDecay = weightDecay;

        var decayed = Quick.Fit(options, data);

        Assert.IsLessThan(0.5 * SquaredNorm(plain), SquaredNorm(decayed));
    }

    private static double SquaredNorm(MlpModel model)
        => model.TensorNames.Where(name => name.EndsWith(".weight", StringComparison.Ordinal))
            .Sum(name => model.GetTensor(name).ToArray().Sum(w => (double)w * w));
}
