using System.Runtime.CompilerServices;
namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>Hyperbolic tangent: y = tanh(x).</summary>
public sealed class Tanh(int size) : ActivationLayer(size)
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Activate(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = MathF.Tanh(input[i]);
        }
    }

    // dy/dx = 1 − y²
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        for (int i = 0; i < output.Length; i++)
        {
            inputGradient[i] = outputGradient[i] * (1f - (output[i] * output[i]));
        }
    }
}
