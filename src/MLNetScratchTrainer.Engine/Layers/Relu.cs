using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>Rectified linear unit: y = max(x, 0).</summary>
public sealed class Relu(int size) : ActivationLayer(size)
{
    /// <inheritdoc />
    protected override void Activate(ReadOnlySpan<float> input, Span<float> output) => VectorMath.Relu(input, output);

    // dy/dx = 1 where y > 0, else 0
    /// <inheritdoc />
    protected override void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
        => VectorMath.ReluBackward(output, outputGradient, inputGradient);
}
