using System.Runtime.CompilerServices;
namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>Leaky ReLU: y = x for x &gt; 0, else α·x.</summary>
public sealed class LeakyRelu : ActivationLayer
{
    /// <summary>Creates the activation with negative slope <paramref name="slope"/> (α, default 0.01).</summary>
    public LeakyRelu(int size, float slope = 0.01f)
        : base(size)
    {
        if (!(slope >= 0 && slope < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(slope), slope, "The leaky ReLU slope must be in [0, 1).");
        }

        Slope = slope;
    }

    /// <summary>α, the slope for negative inputs.</summary>
    public float Slope { get; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Activate(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = input[i] > 0f ? input[i] : Slope * input[i];
        }
    }

    // dy/dx = 1 for x > 0, else α
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        for (int i = 0; i < input.Length; i++)
        {
            inputGradient[i] = input[i] > 0f ? outputGradient[i] : Slope * outputGradient[i];
        }
    }
}
