using System.Runtime.CompilerServices;
namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>Logistic sigmoid: y = 1 / (1 + e^(−x)).</summary>
public sealed class Sigmoid(int size) : ActivationLayer(size)
{
    /// <summary>σ(x), computed without overflow for large |x|.</summary>
    public static float Function(float x) => x >= 0 ? 1f / (1f + MathF.Exp(-x)) : MathF.Exp(x) / (1f + MathF.Exp(x));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Activate(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = Function(input[i]);
        }
    }

    // dy/dx = y·(1 − y)
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        for (int i = 0; i < output.Length; i++)
        {
            inputGradient[i] = outputGradient[i] * output[i] * (1f - output[i]);
        }
    }
}
