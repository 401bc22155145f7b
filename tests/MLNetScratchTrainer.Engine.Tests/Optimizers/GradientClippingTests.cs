using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

[TestClass]
public sealed class GradientClippingTests
{
    [TestMethod]
    public void ScalesAllGradientsWhenTheGlobalNormExceedsTheLimit()
    {
        // Global norm of [3, 4] and [12] is √(9 + 16 + 144) = 13; the limit 6.5 halves every gradient.
        Parameter[] parameters = CreateGradients([3f, 4f], [12f]);

        float norm = GradientClipping.ClipByGlobalNorm(parameters, 6.5f);

        Assert.AreEqual(13f, norm, 1e-6f);
        TwoStepProblem.AssertValues([1.5, 2], parameters[0].Gradient);
        TwoStepProblem.AssertValues([6], parameters[1].Gradient);
    }

    [TestMethod]
    public void LeavesGradientsAloneWhenTheNormIsWithinTheLimit()
    {
        Parameter[] parameters = CreateGradients([3f, 4f], [12f]);

        float norm = GradientClipping.ClipByGlobalNorm(parameters, 13.5f);

        Assert.AreEqual(13f, norm, 1e-6f);
        TwoStepProblem.AssertValues([3, 4], parameters[0].Gradient, 0);
        TwoStepProblem.AssertValues([12], parameters[1].Gradient, 0);
    }

    [TestMethod]
    public void LeavesGradientsAloneWhenTheNormIsNotFinite()
    {
        Parameter[] parameters = CreateGradients([float.NaN, 4f], [12f]);

        float norm = GradientClipping.ClipByGlobalNorm(parameters, 1f);

        Assert.IsTrue(float.IsNaN(norm));
        Assert.AreEqual(12f, parameters[1].Gradient[0]);
    }

    [TestMethod]
    public void RejectsNonPositiveLimit()
    {
        Parameter[] parameters = CreateGradients([1f]);

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm(parameters, 0f));
    }

    private static Parameter[] CreateGradients(params float[][] gradients)
    {
        var parameters = new Parameter[gradients.Length];
        for (int p = 0; p < gradients.Length; p++)
        {
            parameters[p] = new Parameter($"p{p}", 1, gradients[p].Length, isWeight: p == 0);
            gradients[p].CopyTo(parameters[p].Gradient, 0);
        }

        return parameters;
    }
}
