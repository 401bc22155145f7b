using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Layers;

/// <summary>Forward values of the element-wise activations; float32 results are compared with double-precision formulas to 1e-6.</summary>
[TestClass]
public sealed class ActivationTests
{
    // Eleven values: more than one Vector<float> on AVX2 hardware, so the vector body and the scalar tail both run.
    private static readonly float[] Inputs = [-3f, -1f, -0.5f, 0f, 0.5f, 1f, 3f, -2f, 2f, -0.25f, 0.25f];

    [TestMethod]
    public void Relu_ClampsNegativesToZero()
        => CollectionAssert.AreEqual(Inputs.Select(x => Math.Max(x, 0f)).ToArray(), Forward(new Relu(Inputs.Length)));

    [TestMethod]
    public void LeakyRelu_ScalesNegativesBySlope()
        => CollectionAssert.AreEqual(Inputs.Select(x => x > 0 ? x : 0.1f * x).ToArray(), Forward(new LeakyRelu(Inputs.Length, 0.1f)));

    [TestMethod]
    public void Sigmoid_MatchesLogisticFunctionAndSaturatesWithoutNaN()
    {
        float[] output = Forward(new Sigmoid(Inputs.Length));
        for (int i = 0; i < Inputs.Length; i++)
        {
            Assert.AreEqual(1 / (1 + Math.Exp(-Inputs[i])), output[i], 1e-6, $"σ({Inputs[i]})");
        }

        // e^1000 overflows float32; the stable form must still give 0 and 1.
        Assert.AreEqual(0f, Sigmoid.Function(-1000f));
        Assert.AreEqual(1f, Sigmoid.Function(1000f));
    }

    [TestMethod]
    public void Tanh_MatchesHyperbolicTangent()
    {
        float[] output = Forward(new Tanh(Inputs.Length));
        for (int i = 0; i < Inputs.Length; i++)
        {
            Assert.AreEqual(Math.Tanh(Inputs[i]), output[i], 1e-6, $"tanh({Inputs[i]})");
        }
    }

    [TestMethod]
    public void Identity_CopiesInput() => CollectionAssert.AreEqual(Inputs, Forward(new Identity(Inputs.Length)));

    [TestMethod]
    public void Backward_BeforeForward_Throws()
        => Assert.ThrowsExactly<InvalidOperationException>(() => new Relu(2).Backward(new Matrix(1, 2)));

    private static float[] Forward(ILayer layer) => layer.Forward(new Matrix((float[])Inputs.Clone(), 1, Inputs.Length), training: false).Span.ToArray();
    [TestMethod]
    public void ForwardAndBackward_SplitOverTwoThreads_TheSameAsOneThread()
    {
        // 131 rows of 127 values cross the split threshold; odd sizes leave partial vectors in each thread's share.
        using var pool = new WorkerPool(2);
        var input = new Matrix(RandomValues.Uniform(131 * 127, 1, -3f, 3f), 131, 127);
        var outputGradient = new Matrix(RandomValues.Uniform(131 * 127, 2), 131, 127);
        ActivationLayer[] alone = [new Relu(127), new LeakyRelu(127), new Sigmoid(127), new Tanh(127), new Identity(127)];
        ActivationLayer[] split = [new Relu(127) { Pool = pool }, new LeakyRelu(127) { Pool = pool }, new Sigmoid(127) { Pool = pool }, new Tanh(127) { Pool = pool }, new Identity(127) { Pool = pool }];
        foreach (var (one, two) in alone.Zip(split))
        {
            CollectionAssert.AreEqual(one.Forward(input, training: true).Span.ToArray(), two.Forward(input, training: true).Span.ToArray(), one.GetType().Name);
            CollectionAssert.AreEqual(one.Backward(outputGradient).Span.ToArray(), two.Backward(outputGradient).Span.ToArray(), one.GetType().Name);
        }

        Assert.AreEqual(MathF.Max(input.Span[^1], 0f), split[0].Forward(input, training: true).Span[^1], "the last value of the second thread's share");
    }
}
