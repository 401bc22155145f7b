using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class VectorBlocksTests
{
    [TestMethod]
    public void LoadPadsThePartialLastBlockWithZeros()
    {
        float[] values = [1f, 2f, 3f];

        Vector<float> block = VectorBlocks.Load(values, 1);

        Assert.AreEqual(2f, block[0]);
        Assert.AreEqual(3f, block[1]);
        for (int lane = 2; lane < Vector<float>.Count; lane++)
        {
            Assert.AreEqual(0f, block[lane], $"lane {lane}");
        }
    }

    [TestMethod]
    public void StoreWritesOnlyTheElementsInsideTheSpan()
    {
        float[] buffer = new float[Vector<float>.Count + 2];
        buffer[^1] = -1f;

        VectorBlocks.Store(new Vector<float>(7f), buffer.AsSpan(0, buffer.Length - 1), Vector<float>.Count - 1);

        Assert.AreEqual(0f, buffer[Vector<float>.Count - 2]);
        Assert.AreEqual(7f, buffer[Vector<float>.Count - 1]);
        Assert.AreEqual(7f, buffer[Vector<float>.Count]);
        Assert.AreEqual(-1f, buffer[^1]);
    }

    [TestMethod]
    [DynamicData(nameof(OptimizerKinds.All), typeof(OptimizerKinds))]
    public void FullBlocksAndThePartialTailGiveTheSameUpdate(OptimizerKind kind)
    {
        // A 2-value parameter lives entirely in the padded tail; a 37-value one repeating the same pair
        // crosses full blocks and ends in a tail. Element-wise rules must give the same values in both.
        Parameter small = TwoStepProblem.CreateParameter();
        var large = new Parameter("large", 1, 37, isWeight: true);
        for (int i = 0; i < large.Value.Length; i++)
        {
            large.Value[i] = small.Value[i % 2];
        }

        IOptimizer smallOptimizer = OptimizerFactory.Create(kind, new OptimizerSettings(), weightDecay: 0.1f);
        IOptimizer largeOptimizer = OptimizerFactory.Create(kind, new OptimizerSettings(), weightDecay: 0.1f);
        float[][] gradientPairs = [[0.5f, -1f], [0.1f, 0.3f], [-0.7f, 0.2f]];
        foreach (float[] pair in gradientPairs)
        {
            pair.CopyTo(small.Gradient, 0);
            for (int i = 0; i < large.Gradient.Length; i++)
            {
                large.Gradient[i] = pair[i % 2];
            }

            smallOptimizer.Step([small], 0.1f);
            largeOptimizer.Step([large], 0.1f);
        }

        for (int i = 0; i < large.Value.Length; i++)
        {
            Assert.AreEqual(small.Value[i % 2], large.Value[i], $"element {i}");
        }
    }
}
