using MLNetScratchTrainer.Engine.Gradients;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Losses;

[TestClass]
public sealed class LabelSmoothingTests
{
    [TestMethod]
    public void Softmax_SmoothedTarget_MatchesHandComputation()
    {
        // z = [1, 2, 3], class 2, ε = 0.3, K = 3: q = [0.1, 0.1, 0.8];
        // L = −Σ qⱼ ln softmax(z)ⱼ = ln Σ e^z − Σ qⱼ zⱼ, ∂L/∂z = softmax(z) − q.
        var head = new SoftmaxCrossEntropy(3) { LabelSmoothing = 0.3f };
        double sum = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        double[] q = [0.1, 0.1, 0.8];

        double loss = head.Loss(new Matrix([1f, 2f, 3f], 1, 3), [2f], []);

        Assert.AreEqual(Math.Log(sum) - ((0.1 * 1) + (0.1 * 2) + (0.8 * 3)), loss, 1e-6);
        float[] gradient = head.Backward().Span.ToArray();
        for (int j = 0; j < 3; j++)
        {
            Assert.AreEqual((Math.Exp(j + 1) / sum) - q[j], gradient[j], 1e-6, $"class {j}");
        }
    }

    [TestMethod]
    public void Softmax_Smoothed_IsSmallestAtTheSmoothedDistribution()
    {
        // The loss is a cross-entropy against q: its minimum over logits is at softmax(z) = q, where the gradient
        // vanishes, and confident logits (which ε = 0 keeps rewarding) cost more. Logits ln q reach the minimum.
        var head = new SoftmaxCrossEntropy(4) { LabelSmoothing = 0.2f };
        float off = MathF.Log(0.05f), on = MathF.Log(0.85f);

        double atMinimum = head.Loss(new Matrix([off, on, off, off], 1, 4), [1f], []);
        Assert.IsTrue(head.Backward().Span.ToArray().All(g => Math.Abs(g) < 1e-6), "zero gradient at softmax = q");
        double confident = head.Loss(new Matrix([0f, 20f, 0f, 0f], 1, 4), [1f], []);

        Assert.IsLessThan(confident, atMinimum);
    }

    [TestMethod]
    public void Sigmoid_SmoothedLabel_IsTheSoftTarget()
    {
        // ε = 0.2 turns label 1 into 0.9 and label 0 into 0.1: the same loss and gradient as those soft labels unsmoothed.
        var smoothed = new SigmoidBinaryCrossEntropy { LabelSmoothing = 0.2f };
        var soft = new SigmoidBinaryCrossEntropy();
        var logits = new Matrix([1.5f, -0.5f, 3f], 3, 1);

        double expected = soft.Loss(logits, [0.9f, 0.1f, 0.9f], [1f, 2f, 1f]);
        float[] expectedGradient = soft.Backward().Span.ToArray();

        Assert.AreEqual(expected, smoothed.Loss(logits, [1f, 0f, 1f], [1f, 2f, 1f]), 1e-6);
        float[] gradient = smoothed.Backward().Span.ToArray();
        for (int row = 0; row < gradient.Length; row++)
        {
            Assert.AreEqual(expectedGradient[row], gradient[row], 1e-6, $"row {row}");
        }
    }

    [TestMethod]
    public void BothHeads_Smoothed_MatchNumericalGradient()
    {
        var softmax = new SoftmaxCrossEntropy(4) { LabelSmoothing = 0.1f };
        var sigmoid = new SigmoidBinaryCrossEntropy { LabelSmoothing = 0.1f };

        var softmaxResult = GradientCheck.Run(softmax, RandomValues.Matrix(5, 4, seed: 3, min: -2f, max: 2f), [0f, 3f, 1f, 2f, 3f], [1f, 0.5f, 2f, 0f, 1.5f], Float32Gradients.Step);
        var sigmoidResult = GradientCheck.Run(sigmoid, RandomValues.Matrix(4, 1, seed: 4, min: -3f, max: 3f), [0f, 1f, 1f, 0f], [], Float32Gradients.Step);

        Assert.IsTrue(softmaxResult.Passed(Float32Gradients.Tolerance), softmaxResult.ToString());
        Assert.IsTrue(sigmoidResult.Passed(Float32Gradients.Tolerance), sigmoidResult.ToString());
    }

    [TestMethod]
    [DataRow(-0.1f)]
    [DataRow(1f)]
    [DataRow(float.NaN)]
    public void LabelSmoothing_OutOfRange_Throws(float value)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SoftmaxCrossEntropy(3).LabelSmoothing = value);
    }
}
