namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// Heaviside step: y = 1 for x &gt; 0, else 0 — the activation of Rosenblatt's <see cref="Perceptron"/>.
/// It is not a layer: its derivative is zero almost everywhere, so backpropagation cannot learn through it, and the
/// perceptron learns with the perceptron rule instead. Networks trained by gradient descent use sigmoid, tanh or ReLU.
/// </summary>
public static class HeavisideStep
{
    /// <summary>1 for x &gt; 0, else 0.</summary>
    public static float Of(float x) => x > 0f ? 1f : 0f;
}
