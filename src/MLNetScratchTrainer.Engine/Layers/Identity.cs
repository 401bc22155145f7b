namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>Identity activation: y = x (a linear unit).</summary>
public sealed class Identity(int size) : ActivationLayer(size)
{
    /// <inheritdoc />
    protected override void Activate(ReadOnlySpan<float> input, Span<float> output) => input.CopyTo(output);

    // dy/dx = 1
    /// <inheritdoc />
    protected override void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
        => outputGradient.CopyTo(inputGradient);
}
