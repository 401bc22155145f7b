using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

/// <summary>Every optimizer must make progress on f(w) = Σ (w − c)², whose gradient is 2·(w − c).</summary>
[TestClass]
public sealed class OptimizerConvergenceTests
{
    // 19 values: longer than a SIMD block, with a partial block at the end.
    private static readonly float[] Target = [3f, -1f, 0.5f, 2f, -2.5f, 1.5f, 0.25f, -0.75f, 4f, -3f, 1f, 2.5f, -1.25f, 0.1f, -0.4f, 1.8f, -2.2f, 0.6f, 3.3f];

    [TestMethod]
    [DataRow(OptimizerKind.Sgd, 0.1f)]
    [DataRow(OptimizerKind.Momentum, 0.05f)]
    [DataRow(OptimizerKind.Nesterov, 0.05f)]
    [DataRow(OptimizerKind.AdaGrad, 1f)]
    [DataRow(OptimizerKind.RmsProp, 0.05f)]
    [DataRow(OptimizerKind.Adam, 0.2f)]
    [DataRow(OptimizerKind.AdamW, 0.2f)]
    public void LowersTheLossOfAQuadratic(OptimizerKind kind, float learningRate)
    {
        IOptimizer optimizer = OptimizerFactory.Create(kind, new OptimizerSettings(), weightDecay: 0.01f);
        var w = new Parameter("w", 1, Target.Length, isWeight: true);
        double initialLoss = Loss(w);

        for (int step = 0; step < 200; step++)
        {
            for (int i = 0; i < Target.Length; i++)
            {
                w.Gradient[i] = 2f * (w.Value[i] - Target[i]);
            }

            optimizer.Step([w], learningRate);
        }

        Assert.IsLessThan(initialLoss * 1e-3, Loss(w), $"initial loss {initialLoss}");
    }

    private static double Loss(Parameter w)
    {
        double sum = 0;
        for (int i = 0; i < Target.Length; i++)
        {
            double difference = w.Value[i] - Target[i];
            sum += difference * difference;
        }

        return sum;
    }
}
