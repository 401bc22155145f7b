using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class AdamWTests
{
    [TestMethod]
    public void FirstTwoStepsDecayWeightsButNotBiases()
    {
        var adamW = new AdamW(weightDecay: 0.5f);
        Parameter weight = TwoStepProblem.CreateParameter(isWeight: true);
        Parameter bias = TwoStepProblem.CreateParameter(isWeight: false);

        TwoStepProblem.FirstStep(adamW, weight, bias);
        // Weight: w ← w·(1 − lr·λ) = w·(1 − 0.1·0.5) = w·0.95, then the Adam update. Bias: the Adam update only.
        double[] weight1 = [(1 * 0.95) - AdamTests.FirstUpdate[0], (-2 * 0.95) - AdamTests.FirstUpdate[1]];
        double[] bias1 = [1 - AdamTests.FirstUpdate[0], -2 - AdamTests.FirstUpdate[1]];
        TwoStepProblem.AssertValues(weight1, weight.Value, 1e-5);
        TwoStepProblem.AssertValues(bias1, bias.Value, 1e-5);

        TwoStepProblem.SecondStep(adamW, weight, bias);
        TwoStepProblem.AssertValues(
            [(weight1[0] * 0.95) - AdamTests.SecondUpdate[0], (weight1[1] * 0.95) - AdamTests.SecondUpdate[1]],
            weight.Value,
            1e-5);
        TwoStepProblem.AssertValues([bias1[0] - AdamTests.SecondUpdate[0], bias1[1] - AdamTests.SecondUpdate[1]], bias.Value, 1e-5);
    }

    [TestMethod]
    public void ShrinksWeightsTowardsZeroWhenTheGradientIsZero()
    {
        var adamW = new AdamW(weightDecay: 0.1f);
        Parameter weight = TwoStepProblem.CreateParameter(isWeight: true);
        Parameter bias = TwoStepProblem.CreateParameter(isWeight: false);

        adamW.Step([weight, bias], 0.5f);

        // 1 − lr·λ = 1 − 0.5·0.1 = 0.95; m = v = 0, so Adam adds nothing.
        TwoStepProblem.AssertValues([0.95, -1.9], weight.Value);
        TwoStepProblem.AssertValues([1, -2], bias.Value);
    }

    [TestMethod]
    public void RejectsNegativeWeightDecay()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AdamW(-0.01f));
    }
}
