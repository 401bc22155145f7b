using MLNetScratchTrainer.Engine.Gradients;

namespace MLNetScratchTrainer.Engine.Tests.Gradients;

[TestClass]
public sealed class NumericalGradientTests
{
    [TestMethod]
    public void Compute_KnownFunction_MatchesItsDerivative()
    {
        // f(x) = Σ xᵢ³ + x₀·x₁, evaluated in double from the float32 values:
        // ∂f/∂x₀ = 3x₀² + x₁, ∂f/∂x₁ = 3x₁² + x₀, ∂f/∂x₂ = 3x₂².
        float[] x = [0.5f, -1.25f, 2f];
        double F() => x.Sum(v => Math.Pow(v, 3)) + ((double)x[0] * x[1]);

        double[] gradient = NumericalGradient.Compute(F, x, step: 1e-3);

        // Central differences of a cubic are exact up to h²·f‴/6 = 1e-6 (f‴ = 6), plus double rounding.
        double[] expected = [(3 * 0.25) - 1.25, (3 * 1.5625) + 0.5, 3 * 4];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], gradient[i], 1e-5, $"∂f/∂x{i}");
        }

        CollectionAssert.AreEqual(new[] { 0.5f, -1.25f, 2f }, x, "values restored");
    }

    [TestMethod]
    public void Compute_DividesByTheStepActuallyTaken()
    {
        // Float32 values near 1000 are 2⁻¹⁴ apart, so 1000 ± 1e-3 is stored as 1000 ± 0.0009765625; dividing by
        // 2h instead of the stored difference would be off by 2.4%. f(x) = 3x has gradient exactly 3.
        float[] x = [1000f];

        double[] gradient = NumericalGradient.Compute(() => 3.0 * x[0], x, step: 1e-3);

        Assert.AreEqual(3, gradient[0], 1e-12);
    }

    [TestMethod]
    public void Compute_LossThrows_RestoresTheValue()
    {
        float[] x = [1f];

        Assert.ThrowsExactly<InvalidOperationException>(() => NumericalGradient.Compute(() => throw new InvalidOperationException(), x));

        Assert.AreEqual(1f, x[0]);
    }

    [TestMethod]
    public void Compute_StepTooSmallForTheValue_Throws()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => NumericalGradient.Compute(() => 0, new[] { 1e6f }, step: 1e-3));

        Assert.Contains("larger step", exception.Message);
    }

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(-1e-3)]
    [DataRow(double.NaN)]
    public void Compute_StepNotPositive_Throws(double step)
        => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => NumericalGradient.Compute(() => 0, new[] { 1f }, step));
}
