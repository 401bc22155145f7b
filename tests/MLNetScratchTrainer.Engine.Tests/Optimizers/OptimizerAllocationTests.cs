using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

/// <summary>State is allocated on the first step only; steady-state steps must not allocate.</summary>
[TestClass]
public sealed class OptimizerAllocationTests
{
    [TestMethod]
    [DynamicData(nameof(OptimizerKinds.All), typeof(OptimizerKinds))]
    public void StepsAfterTheFirstDoNotAllocate(OptimizerKind kind)
    {
        IOptimizer optimizer = OptimizerFactory.Create(kind, new OptimizerSettings(), weightDecay: 0.01f);
        Parameter[] parameters = [new Parameter("w", 13, 7, isWeight: true), new Parameter("b", 1, 7, isWeight: false)];
        parameters[0].Gradient.AsSpan().Fill(0.5f);
        parameters[1].Gradient.AsSpan().Fill(-0.25f);
        optimizer.Step(parameters, 0.01f);
        WeightDecay.AddL2Gradient(parameters, 0.01f);
        GradientClipping.ClipByGlobalNorm(parameters, 1f);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int step = 0; step < 10; step++)
        {
            WeightDecay.AddL2Gradient(parameters, 0.01f);
            GradientClipping.ClipByGlobalNorm(parameters, 1f);
            optimizer.Step(parameters, 0.01f);
        }

        Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
