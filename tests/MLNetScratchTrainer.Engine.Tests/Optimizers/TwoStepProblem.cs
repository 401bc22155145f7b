using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

/// <summary>
/// The small problem every optimizer test works by hand: w0 = [1, −2], first gradient g1 = [0.5, −1],
/// second gradient g2 = [0.1, 0.3], learning rate 0.1.
/// </summary>
internal static class TwoStepProblem
{
    public const float LearningRate = 0.1f;

    public static Parameter CreateParameter(bool isWeight = true)
    {
        var parameter = new Parameter(isWeight ? "w" : "b", 1, 2, isWeight);
        parameter.Value[0] = 1f;
        parameter.Value[1] = -2f;
        return parameter;
    }

    public static void FirstStep(IOptimizer optimizer, params Parameter[] parameters) =>
        StepWithGradient(optimizer, parameters, 0.5f, -1f);

    public static void SecondStep(IOptimizer optimizer, params Parameter[] parameters) =>
        StepWithGradient(optimizer, parameters, 0.1f, 0.3f);

    public static void AssertValues(double[] expected, float[] actual, double delta = 1e-6)
    {
        Assert.HasCount(expected.Length, actual);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], delta, $"element {i}");
        }
    }

    private static void StepWithGradient(IOptimizer optimizer, Parameter[] parameters, float g0, float g1)
    {
        foreach (Parameter parameter in parameters)
        {
            parameter.Gradient[0] = g0;
            parameter.Gradient[1] = g1;
        }

        optimizer.Step(parameters, LearningRate);
    }
}
