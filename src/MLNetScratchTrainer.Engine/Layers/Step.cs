namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// Heaviside step: y = 1 for x &gt; 0, else 0 — the activation of Rosenblatt's perceptron.
/// Its derivative is zero almost everywhere, so it has no useful backward pass: perceptrons
/// learn with the perceptron rule instead (see <see cref="Models.Perceptron"/>).
/// </summary>
public sealed class Step(int size) : ActivationLayer(size)
{
    /// <summary>1 for x &gt; 0, else 0.</summary>
    public static float Function(float x) => x > 0f ? 1f : 0f;

    /// <inheritdoc />
    protected override void Activate(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = Function(input[i]);
        }
    }

    // dy/dx = 0 almost everywhere: gradient descent cannot learn through a step.
    /// <inheritdoc />
    protected override void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
        => throw new NotSupportedException("The step activation has no useful gradient (it is zero almost everywhere); train a perceptron with the perceptron rule, or use sigmoid, tanh or ReLU for backpropagation.");
}
