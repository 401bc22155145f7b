using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Models;

[TestClass]
public sealed class ReferenceGemmNetworkTests
{
    private const int Rows = 40;
    private const int Features = 20;
    private const int Classes = 5;

    [TestMethod]
    public void CreateReference_RoutesEveryProductThroughTheTripleLoop()
    {
        Assert.IsTrue(Gemm.CreateReference().IsReference);
        Assert.IsFalse(new Gemm().IsReference);

        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50], then accumulated onto C = 1.
        float[] c = [1f, 1f, 1f, 1f];
        Gemm.CreateReference().Multiply([1f, 2f, 3f, 4f], false, [5f, 6f, 7f, 8f], false, c, 2, 2, 2, accumulate: true);
        CollectionAssert.AreEqual(new[] { 20f, 23f, 44f, 51f }, c);
    }

    [TestMethod]
    public void ANetworkTrainsTheSameOnTheReferenceGemmAsOnTheFastOne()
    {
        var architecture = new MlpArchitecture(Features, [32, 16], Classes, MlpTask.MulticlassClassification, Activation.Tanh);
        var fast = architecture.Build(new Gemm(), new Rng(1));
        var reference = architecture.Build(Gemm.CreateReference(), new Rng(1));
        int seed = 10;
        foreach (var tensor in fast.Tensors)
        {
            RandomValues.Uniform(tensor.Value.Length, ++seed, -0.5f, 0.5f).CopyTo(tensor.Value, 0);
        }

        reference.CopyTensorsFrom(fast);
        var input = RandomValues.Matrix(Rows, Features, seed: 2, min: -1f, max: 1f);
        float[] labels = [.. Enumerable.Range(0, Rows).Select(row => (float)(row % Classes))];
        IOptimizer fastOptimizer = new Sgd(), referenceOptimizer = new Sgd();

        for (int step = 0; step < 5; step++)
        {
            double fastLoss = fast.ForwardLoss(input, labels, default);
            double referenceLoss = reference.ForwardLoss(input, labels, default);
            Assert.AreEqual(referenceLoss, fastLoss, 1e-5, $"loss at step {step}");

            fast.Backward();
            reference.Backward();
            for (int p = 0; p < fast.Parameters.Count; p++)
            {
                AssertClose(reference.Parameters[p].Gradient, fast.Parameters[p].Gradient, $"{fast.Parameters[p].Name} gradient at step {step}");
            }

            fastOptimizer.Step(fast.Parameters, 0.5f);
            referenceOptimizer.Step(reference.Parameters, 0.5f);
        }

        for (int p = 0; p < fast.Parameters.Count; p++)
        {
            AssertClose(reference.Parameters[p].Value, fast.Parameters[p].Value, $"{fast.Parameters[p].Name} after training");
        }
    }

    /// <summary>Float32 sums in another order differ by rounding only: a few units in the last place of the largest entry.</summary>
    private static void AssertClose(float[] expected, float[] actual, string context)
    {
        float scale = Math.Max(1e-3f, expected.Max(MathF.Abs));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], 1e-4f * scale, $"{context}, entry {i}");
        }
    }
}
