using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class NesterovTests
{
    [TestMethod]
    public void FirstTwoStepsMatchHandComputation()
    {
        var nesterov = new Nesterov(0.9f);
        Parameter w = TwoStepProblem.CreateParameter();

        TwoStepProblem.FirstStep(nesterov, w);
        // v1 = −0.1·g1 = [−0.05, 0.1]; w1 = w0 + 0.9·v1 − 0.1·g1 = [1 − 0.045 − 0.05, −2 + 0.09 + 0.1]
        TwoStepProblem.AssertValues([0.905, -1.81], w.Value);

        TwoStepProblem.SecondStep(nesterov, w);
        // v2 = 0.9·v1 − 0.1·g2 = [−0.055, 0.06]; w2 = w1 + 0.9·v2 − 0.1·g2 = [0.905 − 0.0495 − 0.01, −1.81 + 0.054 − 0.03]
        TwoStepProblem.AssertValues([0.8455, -1.786], w.Value);
    }

    [TestMethod]
    public void RejectsCoefficientOutsideZeroToOne()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Nesterov(1.5f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Nesterov(float.NaN));
    }
}
