using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class FusedStepTests
{
    [TestMethod]
    [DataRow(OptimizerKind.Adam, 1, false, false)]
    [DataRow(OptimizerKind.AdamW, 1, true, false)]
    [DataRow(OptimizerKind.AdamW, 2, false, true)]
    [DataRow(OptimizerKind.Adam, 2, true, true)]
    public void StepsInsideBackward_BitIdenticalToAStepAfterBackward(OptimizerKind kind, int threads, bool batchNormalization, bool linearSkip)
    {
        // Odd widths (partial vectors, partial tiles), a batch of 13, dropout; with two threads every product is split, so
        // blocks of the weight gradient are handed over from both threads. Batch norm's scales and shifts are updated by
        // End (no layer hands them over); a linear skip hands its weight over like a dense layer.
        using var pool = threads > 1 ? new WorkerPool(threads) : null;
        var architecture = new MlpArchitecture(23, [37, 19], 5, MlpTask.MulticlassClassification, Activation.Relu, dropoutRate: 0.2f, batchNormalization, linearSkip);
        Network Build() => Initialised(architecture.Build(new Gemm(pool, SimdWidths.WidestAccelerated, parallelThreshold: 0), new Rng(3)));
        Network fused = Build(), plain = Build();
        var settings = new OptimizerSettings();
        IOptimizer fusedOptimizer = OptimizerFactory.Create(kind, settings, weightDecay: 0.05f, pool);
        IOptimizer plainOptimizer = OptimizerFactory.Create(kind, settings, weightDecay: 0.05f, pool);
        var step = new FusedStep(fused.Parameters, (IFusableOptimizer)fusedOptimizer);

        for (int batch = 0; batch < 4; batch++)
        {
            var input = new Matrix(RandomValues.Uniform(13 * 23, 10 + batch), 13, 23);
            float[] labels = [.. Enumerable.Range(0, 13).Select(i => (float)((i + batch) % 5))];

            plain.ForwardLoss(input, labels, default);
            plain.Backward();
            plainOptimizer.Step(plain.Parameters, 0.01f);

            fused.ForwardLoss(input, labels, default);
            step.Begin(0.01f);
            fused.Backward();
            step.End();
        }

        foreach (var (a, b) in plain.Tensors.Zip(fused.Tensors))
        {
            CollectionAssert.AreEqual(a.Value, b.Value, $"{a.Name} after 4 steps");
        }

        Assert.IsTrue(fused.Parameters.All(p => p.GradientReady is null), "no hook left after the step");
    }

    [TestMethod]
    public void End_AParameterHandedOverInPart_Throws()
    {
        var parameter = new Parameter("w", 2, 3, isWeight: true);
        var step = new FusedStep([parameter], new Adam());
        step.Begin(0.01f);
        parameter.GradientReady!.RegionDone(0, 1, 0, 3);

        var exception = Assert.ThrowsExactly<InvalidOperationException>(step.End);

        Assert.Contains("3 of the 6 gradient values of 'w'", exception.Message);
    }

    [TestMethod]
    public void Abandon_AfterAFailedBackward_RemovesTheHooksAndUpdatesNothing()
    {
        var parameter = new Parameter("w", 2, 3, isWeight: true);
        parameter.Gradient.AsSpan().Fill(1f);
        var step = new FusedStep([parameter], new Adam());
        step.Begin(0.01f);

        step.Abandon();

        Assert.IsNull(parameter.GradientReady);
        CollectionAssert.AreEqual(new float[6], parameter.Value, "no weight moved");
    }

    private static Network Initialised(Network network)
    {
        var rng = new Rng(1);
        var initializer = InitializerFactory.Create(InitializerKind.Auto, reluLike: true);
        foreach (var dense in network.Layers.OfType<Dense>())
        {
            initializer.Initialize(dense.Weight.Value, dense.InputSize, dense.OutputSize, rng);
        }

        return network;
    }
}
