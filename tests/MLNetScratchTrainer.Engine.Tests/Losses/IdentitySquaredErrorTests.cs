using MLNetScratchTrainer.Engine.Gradients;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Losses;

[TestClass]
public sealed class IdentitySquaredErrorTests
{
    [TestMethod]
    public void Loss_IsHalfTheSumOfSquaredResidualsPerRow()
    {
        // Row 0: ½((1 − 0)² + (2 − 4)²) = 2.5. Row 1: ½((−1 − (−1))² + (3 − 0)²) = 4.5. Mean 3.5.
        var head = new IdentitySquaredError(2);

        double loss = head.Loss(new Matrix([1f, 2f, -1f, 3f], 2, 2), [0f, 4f, -1f, 0f], []);

        Assert.AreEqual(3.5, loss, 1e-12);

        // ∂L/∂z = (z − t)/N.
        CollectionAssert.AreEqual(new[] { 0.5f, -1f, 0f, 1.5f }, head.Backward().Span.ToArray());
    }

    [TestMethod]
    public void Loss_ZeroTotalWeight_IsZeroWithZeroGradient()
    {
        var head = new IdentitySquaredError(1);

        Assert.AreEqual(0, head.Loss(new Matrix([5f, -5f], 2, 1), [0f, 0f], [0f, 0f]));
        CollectionAssert.AreEqual(new[] { 0f, 0f }, head.Backward().Span.ToArray());
    }

    [TestMethod]
    public void Loss_WeightsScaledTogether_LeaveTheLossUnchanged()
    {
        var head = new IdentitySquaredError(1);
        var logits = new Matrix([1f, 2f, 3f], 3, 1);

        double loss = head.Loss(logits, [0f, 0f, 0f], [1f, 2f, 3f]);

        Assert.AreEqual((0.5 + (2 * 2) + (3 * 4.5)) / 6, loss, 1e-12);
        Assert.AreEqual(loss, head.Loss(logits, [0f, 0f, 0f], [10f, 20f, 30f]), 1e-12);
    }

    [TestMethod]
    public void Backward_ThreeOutputsWithPerRowWeights_MatchesNumericalGradient()
    {
        var head = new IdentitySquaredError(3);

        var result = GradientCheck.Run(head, RandomValues.Matrix(4, 3, seed: 1), RandomValues.Uniform(12, seed: 2), [1f, 3f, 0.5f, 0f], Float32Gradients.Step);

        Assert.IsTrue(result.Passed(Float32Gradients.Tolerance), result.ToString());
    }

    [TestMethod]
    public void ValidateLabel_NotFinite_ThrowsNamingTheRow()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new IdentitySquaredError(1).ValidateLabel(float.NaN, 12));

        Assert.Contains("row 12", exception.Message);
    }
}
