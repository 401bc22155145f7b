using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class AdaGradTests
{
    [TestMethod]
    public void FirstTwoStepsMatchHandComputation()
    {
        var adaGrad = new AdaGrad(epsilon: 1e-8f);
        Parameter w = TwoStepProblem.CreateParameter();

        TwoStepProblem.FirstStep(adaGrad, w);
        // h1 = g1² = [0.25, 1]; w1 = w0 − 0.1·g1 / (√h1 + ε) = [1 − 0.1·0.5/0.5, −2 + 0.1·1/1]
        TwoStepProblem.AssertValues([0.9, -1.9], w.Value);

        TwoStepProblem.SecondStep(adaGrad, w);
        // h2 = h1 + g2² = [0.25 + 0.01, 1 + 0.09]; w2 = w1 − 0.1·g2 / (√h2 + ε)
        TwoStepProblem.AssertValues(
            [0.9 - (0.1 * 0.1 / (Math.Sqrt(0.26) + 1e-8)), -1.9 - (0.1 * 0.3 / (Math.Sqrt(1.09) + 1e-8))],
            w.Value);
    }

    [TestMethod]
    public void RejectsNonPositiveEpsilon()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AdaGrad(0f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AdaGrad(float.PositiveInfinity));
    }
}
