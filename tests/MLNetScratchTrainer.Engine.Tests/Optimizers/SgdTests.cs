using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class SgdTests
{
    [TestMethod]
    public void FirstTwoStepsMatchHandComputation()
    {
        var sgd = new Sgd();
        Parameter w = TwoStepProblem.CreateParameter();

        TwoStepProblem.FirstStep(sgd, w);
        // w1 = w0 − 0.1·g1 = [1 − 0.05, −2 + 0.1]
        TwoStepProblem.AssertValues([0.95, -1.9], w.Value);

        TwoStepProblem.SecondStep(sgd, w);
        // w2 = w1 − 0.1·g2 = [0.95 − 0.01, −1.9 − 0.03]
        TwoStepProblem.AssertValues([0.94, -1.93], w.Value);
    }

    [TestMethod]
    public void AcceptsADifferentParameterListOnEveryStepBecauseItHasNoState()
    {
        var sgd = new Sgd();
        sgd.Step([new Parameter("a", 1, 2, true)], 0.1f);
        Parameter other = TwoStepProblem.CreateParameter();
        other.Gradient[0] = 1f;

        sgd.Step([other, new Parameter("b", 1, 5, false)], 0.1f);

        Assert.AreEqual(0.9f, other.Value[0], 1e-6f);
    }

    [TestMethod]
    public void RejectsNegativeOrNonFiniteLearningRate()
    {
        var sgd = new Sgd();
        Parameter[] parameters = [TwoStepProblem.CreateParameter()];

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sgd.Step(parameters, -0.1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sgd.Step(parameters, float.NaN));
    }
}
