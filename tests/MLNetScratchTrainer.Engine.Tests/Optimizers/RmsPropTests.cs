using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class RmsPropTests
{
    [TestMethod]
    public void FirstTwoStepsMatchHandComputation()
    {
        var rmsProp = new RmsProp(decay: 0.9f, epsilon: 1e-8f);
        Parameter w = TwoStepProblem.CreateParameter();

        TwoStepProblem.FirstStep(rmsProp, w);
        // h1 = 0.9·0 + 0.1·g1² = [0.025, 0.1]; w1 = w0 − 0.1·g1 / (√h1 + ε)
        double[] w1 = [1 - (0.1 * 0.5 / (Math.Sqrt(0.025) + 1e-8)), -2 + (0.1 * 1 / (Math.Sqrt(0.1) + 1e-8))];
        TwoStepProblem.AssertValues(w1, w.Value, 1e-5);

        TwoStepProblem.SecondStep(rmsProp, w);
        // h2 = 0.9·h1 + 0.1·g2² = [0.0225 + 0.001, 0.09 + 0.009]; w2 = w1 − 0.1·g2 / (√h2 + ε)
        TwoStepProblem.AssertValues(
            [w1[0] - (0.1 * 0.1 / (Math.Sqrt(0.0235) + 1e-8)), w1[1] - (0.1 * 0.3 / (Math.Sqrt(0.099) + 1e-8))],
            w.Value,
            1e-5);
    }

    [TestMethod]
    public void RejectsInvalidDecayOrEpsilon()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RmsProp(decay: 1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RmsProp(epsilon: -1e-8f));
    }
}
