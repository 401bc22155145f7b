using MLNetScratchTrainer.Engine.Gradients;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Losses;

[TestClass]
public sealed class SigmoidBinaryCrossEntropyTests
{
    [TestMethod]
    [DataRow(0f)]
    [DataRow(1f)]
    public void Loss_AtZeroLogit_IsLnTwo(float label)
    {
        // σ(0) = ½ whatever the label: L = −ln ½ = ln 2, ∂L/∂z = ½ − y.
        var head = new SigmoidBinaryCrossEntropy();

        Assert.AreEqual(Math.Log(2), head.Loss(new Matrix([0f], 1, 1), [label], []), 1e-12);
        Assert.AreEqual(0.5f - label, head.Backward()[0, 0]);
    }

    [TestMethod]
    public void Loss_LargeLogits_StaysFiniteAndExact()
    {
        // Confidently wrong by 100: L = 100 + ln(1 + e⁻¹⁰⁰) = 100 (a naive −ln σ(−100) would give ∞ in float32).
        var head = new SigmoidBinaryCrossEntropy();

        Assert.AreEqual(100, head.Loss(new Matrix([100f], 1, 1), [0f], []), 1e-9, "z = 100, y = 0");
        Assert.AreEqual(100, head.Loss(new Matrix([-100f], 1, 1), [1f], []), 1e-9, "z = −100, y = 1");
        Assert.AreEqual(0, head.Loss(new Matrix([100f], 1, 1), [1f], []), 1e-9, "z = 100, y = 1");
    }

    [TestMethod]
    public void Loss_ThreeRows_MatchesTheDefinition()
    {
        // L = −y·ln σ(z) − (1 − y)·ln(1 − σ(z)), averaged, soft label 0.25 included.
        var head = new SigmoidBinaryCrossEntropy();
        float[] z = [1.5f, -0.5f, 2f], y = [1f, 0f, 0.25f];
        double expected = z.Select((zi, i) => (-y[i] * Math.Log(Sigma(zi))) - ((1 - y[i]) * Math.Log(1 - Sigma(zi)))).Average();

        Assert.AreEqual(expected, head.Loss(new Matrix(z, 3, 1), y, []), 1e-9);
    }

    [TestMethod]
    public void Backward_WithPerRowWeights_MatchesNumericalGradient()
    {
        var head = new SigmoidBinaryCrossEntropy();

        var result = GradientCheck.Run(head, RandomValues.Matrix(6, 1, seed: 1, min: -3f, max: 3f), [0f, 1f, 1f, 0f, 0.3f, 1f], [2f, 1f, 0f, 0.5f, 1f, 1f], Float32Gradients.Step);

        Assert.IsTrue(result.Passed(Float32Gradients.Tolerance), result.ToString());
    }

    [TestMethod]
    [DataRow(2f)]
    [DataRow(-0.5f)]
    public void ValidateLabel_OutsideZeroToOne_ThrowsNamingTheRow(float label)
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new SigmoidBinaryCrossEntropy().ValidateLabel(label, 4));

        Assert.Contains("row 4", exception.Message);
    }

    private static double Sigma(double z) => 1 / (1 + Math.Exp(-z));
}
