using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

/// <summary>State is keyed by parameter position: later steps must pass the same number and sizes of parameters.</summary>
[TestClass]
public sealed class OptimizerStateTests
{
    [TestMethod]
    [DynamicData(nameof(OptimizerKinds.Stateful), typeof(OptimizerKinds))]
    public void ThrowsWhenTheNumberOfParametersChanges(OptimizerKind kind)
    {
        IOptimizer optimizer = OptimizerFactory.Create(kind, new OptimizerSettings());
        optimizer.Step([new Parameter("w", 2, 3, true)], 0.1f);

        var exception = Assert.ThrowsExactly<InvalidOperationException>(
            () => optimizer.Step([new Parameter("w", 2, 3, true), new Parameter("b", 1, 3, false)], 0.1f));

        Assert.Contains("1 parameters", exception.Message);
        Assert.Contains("received 2", exception.Message);
    }

    [TestMethod]
    [DynamicData(nameof(OptimizerKinds.Stateful), typeof(OptimizerKinds))]
    public void ThrowsWhenAParameterSizeChangesAndLeavesValuesUntouched(OptimizerKind kind)
    {
        IOptimizer optimizer = OptimizerFactory.Create(kind, new OptimizerSettings(), weightDecay: 0.1f);
        optimizer.Step([new Parameter("w", 2, 3, true), new Parameter("b", 1, 3, false)], 0.1f);
        Parameter first = TwoStepProblem.CreateParameter();
        Parameter[] swapped = [first, new Parameter("w", 2, 3, true)];
        first.Gradient[0] = 1f;

        var exception = Assert.ThrowsExactly<InvalidOperationException>(() => optimizer.Step(swapped, 0.1f));

        Assert.Contains("parameter 0 ('w') has 2 values", exception.Message);
        TwoStepProblem.AssertValues([1, -2], first.Value, 0);
    }
}
