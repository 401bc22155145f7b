using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Tests.Layers;

[TestClass]
public sealed class DenseTests
{
    [TestMethod]
    public void Forward_TwoRowsThreeInputs_ComputesXWPlusB()
    {
        // X = [1 2 3; 4 5 6], W = [0.1 0.2; 0.3 0.4; 0.5 0.6], b = [0.5 −1]:
        // row 0: 0.1 + 0.6 + 1.5 + 0.5 = 2.7 and 0.2 + 0.8 + 1.8 − 1 = 1.8;
        // row 1: 0.4 + 1.5 + 3.0 + 0.5 = 5.4 and 0.8 + 2.0 + 3.6 − 1 = 5.4.
        var dense = new Dense(3, 2, new Gemm());
        float[] weight = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f];
        weight.CopyTo(dense.Weight.Value, 0);
        dense.Bias.Value[0] = 0.5f;
        dense.Bias.Value[1] = -1f;

        float[] output = dense.Forward(new Matrix([1, 2, 3, 4, 5, 6], 2, 3), training: false).Span.ToArray();

        float[] expected = [2.7f, 1.8f, 5.4f, 5.4f];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], output[i], 1e-5f, $"output {i}");
        }
    }

    [TestMethod]
    public void Backward_TwoRows_ComputesXTransposeGAndColumnSums()
    {
        // G = [1 0; 0 2]: ∂L/∂W = Xᵀ·G = [1 8; 2 10; 3 12], ∂L/∂b = [1 2], ∂L/∂X = G·Wᵀ = [0.1 0.3 0.5; 0.4 0.8 1.2].
        var dense = new Dense(3, 2, new Gemm());
        float[] weight = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f];
        weight.CopyTo(dense.Weight.Value, 0);
        dense.Forward(new Matrix([1, 2, 3, 4, 5, 6], 2, 3), training: true);

        float[] inputGradient = dense.Backward(new Matrix([1, 0, 0, 2], 2, 2)).Span.ToArray();

        CollectionAssert.AreEqual(new[] { 1f, 8f, 2f, 10f, 3f, 12f }, dense.Weight.Gradient);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, dense.Bias.Gradient);
        float[] expected = [0.1f, 0.3f, 0.5f, 0.4f, 0.8f, 1.2f];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], inputGradient[i], 1e-6f, $"input gradient {i}");
        }
    }
}
