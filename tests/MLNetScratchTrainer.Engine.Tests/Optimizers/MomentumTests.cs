using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class MomentumTests
{
    [TestMethod]
    public void FirstTwoStepsMatchHandComputation()
    {
        var momentum = new Momentum(0.9f);
        Parameter w = TwoStepProblem.CreateParameter();

        TwoStepProblem.FirstStep(momentum, w);
        // v1 = 0.9·0 − 0.1·g1 = [−0.05, 0.1]; w1 = w0 + v1
        TwoStepProblem.AssertValues([0.95, -1.9], w.Value);

        TwoStepProblem.SecondStep(momentum, w);
        // v2 = 0.9·v1 − 0.1·g2 = [−0.045 − 0.01, 0.09 − 0.03] = [−0.055, 0.06]; w2 = w1 + v2
        TwoStepProblem.AssertValues([0.895, -1.84], w.Value);
    }

    [TestMethod]
    public void RejectsCoefficientOutsideZeroToOne()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Momentum(1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Momentum(-0.1f));
    }
}
