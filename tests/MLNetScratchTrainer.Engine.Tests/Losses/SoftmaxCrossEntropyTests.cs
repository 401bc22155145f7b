using MLNetScratchTrainer.Engine.Gradients;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Losses;

[TestClass]
public sealed class SoftmaxCrossEntropyTests
{
    [TestMethod]
    public void Loss_ThreeClassRow_MatchesHandComputation()
    {
        // z = [1, 2, 3], class 2: L = ln(e¹ + e² + e³) − 3 = ln(1 + e⁻¹ + e⁻²) ≈ 0.407606;
        // ∂L/∂z = softmax(z) − onehot(2) = [e¹, e², e³]/Σ − [0, 0, 1].
        var head = new SoftmaxCrossEntropy(3);
        double sum = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);

        double loss = head.Loss(new Matrix([1f, 2f, 3f], 1, 3), [2f], []);

        // The softmax is computed in float32: about 1e-7 relative error.
        Assert.AreEqual(Math.Log(sum) - 3, loss, 1e-6);
        float[] gradient = head.Backward().Span.ToArray();
        Assert.AreEqual(Math.Exp(1) / sum, gradient[0], 1e-6);
        Assert.AreEqual(Math.Exp(2) / sum, gradient[1], 1e-6);
        Assert.AreEqual((Math.Exp(3) / sum) - 1, gradient[2], 1e-6);
    }

    [TestMethod]
    public void Loss_TwoRowsWithWeights_IsTheWeightedMeanAndScalesTheGradient()
    {
        // Row 0: z = [0, 0], class 0, L = ln 2. Row 1: z = [2, 0], class 1, L = ln(e² + 1) − 0.
        var head = new SoftmaxCrossEntropy(2);
        var logits = new Matrix([0f, 0f, 2f, 0f], 2, 2);
        double row0 = Math.Log(2), row1 = Math.Log(Math.Exp(2) + 1);

        Assert.AreEqual((row0 + row1) / 2, head.Loss(logits, [0f, 1f], []), 1e-6, "unweighted mean");
        Assert.AreEqual((row0 + (3 * row1)) / 4, head.Loss(logits, [0f, 1f], [1f, 3f]), 1e-6, "weighted mean");

        // ∂L/∂z of row 0 is (softmax − onehot)·w₀/Σw = [0.5 − 1, 0.5]·1/4.
        float[] gradient = head.Backward().Span.ToArray();
        Assert.AreEqual(-0.125, gradient[0], 1e-7);
        Assert.AreEqual(0.125, gradient[1], 1e-7);
    }

    [TestMethod]
    public void Loss_HugeLogits_StaysFinite()
    {
        // e^10000 overflows any float; the log-sum-exp shift must keep the loss exact.
        var head = new SoftmaxCrossEntropy(3);
        var logits = new Matrix([1e4f, 0f, -1e4f, 1e4f, 1e4f, -1e4f], 2, 3);

        Assert.AreEqual(0, head.Loss(new Matrix([1e4f, 0f, -1e4f], 1, 3), [0f], []), 1e-6, "confident and right");
        Assert.AreEqual(1e4, head.Loss(new Matrix([1e4f, 0f, -1e4f], 1, 3), [1f], []), 1e-2, "confident and wrong");

        // Row 0: 1e4 − (−1e4) = 2e4. Row 1: 1e4 + ln 2 − (−1e4). Float32 resolves 2e4 to about 2e-3.
        Assert.AreEqual(((4 * 1e4) + Math.Log(2)) / 2, head.Loss(logits, [2f, 2f], []), 1e-2, "both rows wrong");
        Assert.IsTrue(head.Backward().Span.ToArray().All(float.IsFinite), "gradient is finite");
    }

    [TestMethod]
    public void Backward_WithPerRowWeights_MatchesNumericalGradient()
    {
        var head = new SoftmaxCrossEntropy(4);

        var result = GradientCheck.Run(head, RandomValues.Matrix(5, 4, seed: 1, min: -2f, max: 2f), [0f, 3f, 1f, 2f, 3f], [1f, 0.5f, 2f, 0f, 1.5f], Float32Gradients.Step);

        Assert.IsTrue(result.Passed(Float32Gradients.Tolerance), result.ToString());
    }

    [TestMethod]
    public void Predict_GivesProbabilitiesThatSumToOne()
    {
        var head = new SoftmaxCrossEntropy(3);
        var predictions = new Matrix(2, 3);

        head.Predict(new Matrix([1f, 2f, 3f, 1e4f, 0f, 0f], 2, 3), predictions);

        Assert.AreEqual(1, predictions.Row(0).ToArray().Sum(), 1e-6);
        Assert.AreEqual(1f, predictions[1, 0]);
        Assert.IsLessThan(predictions[0, 2], predictions[0, 1]);
    }

    [TestMethod]
    [DataRow(3f)]
    [DataRow(-1f)]
    [DataRow(1.5f)]
    public void ValidateLabel_NotAClassIndex_ThrowsNamingTheRow(float label)
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new SoftmaxCrossEntropy(3).ValidateLabel(label, 7));

        Assert.Contains("row 7", exception.Message);
        Assert.Contains("0 to 2", exception.Message);
    }
}
