using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class WeightDecayTests
{
    [TestMethod]
    public void AddsLambdaTimesWeightToWeightGradientsOnly()
    {
        Parameter weight = TwoStepProblem.CreateParameter(isWeight: true);
        Parameter bias = TwoStepProblem.CreateParameter(isWeight: false);
        weight.Gradient[0] = 0.5f;
        bias.Gradient[0] = 0.5f;

        WeightDecay.AddL2Gradient([weight, bias], 0.1f);

        // g + λ·w = [0.5 + 0.1·1, 0 + 0.1·(−2)]
        TwoStepProblem.AssertValues([0.6, -0.2], weight.Gradient);
        TwoStepProblem.AssertValues([0.5, 0], bias.Gradient, 0);
        TwoStepProblem.AssertValues([1, -2], weight.Value, 0);
    }

    [TestMethod]
    public void HandlesParametersLongerThanOneSimdBlock()
    {
        var weight = new Parameter("w", 3, 7, isWeight: true);
        for (int i = 0; i < weight.Value.Length; i++)
        {
            weight.Value[i] = i;
            weight.Gradient[i] = 1f;
        }

        WeightDecay.AddL2Gradient([weight], 0.5f);

        for (int i = 0; i < weight.Gradient.Length; i++)
        {
            Assert.AreEqual(1f + (0.5f * i), weight.Gradient[i], 1e-6f, $"element {i}");
        }
    }

    [TestMethod]
    public void RejectsNegativeLambda()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => WeightDecay.AddL2Gradient([TwoStepProblem.CreateParameter()], -1f));
    }
}
