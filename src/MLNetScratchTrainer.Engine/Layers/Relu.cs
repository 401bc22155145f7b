using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>Rectified linear unit: y = max(x, 0); its derivative is 1 where y &gt; 0, else 0.</summary>
public sealed class Relu(int size) : ActivationLayer(size)
{
    // y = max(x, 0), a vector of floats at a time
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Activate(ReadOnlySpan<float> input, Span<float> output)
    {
        var x = MemoryMarshal.Cast<float, Vector<float>>(input);
        var y = MemoryMarshal.Cast<float, Vector<float>>(output[..input.Length]);
        for (int v = 0; v < x.Length; v++)
        {
            y[v] = Vector.Max(x[v], Vector<float>.Zero);
        }

        for (int i = x.Length * Vector<float>.Count; i < input.Length; i++)
        {
            output[i] = MathF.Max(input[i], 0f);
        }
    }

    // dy/dx = 1 where y > 0, else 0 (at x = 0 we take 0), so ∂L/∂x = ∂L/∂y where y > 0, else 0
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        var y = MemoryMarshal.Cast<float, Vector<float>>(output);
        var dy = MemoryMarshal.Cast<float, Vector<float>>(outputGradient[..output.Length]);
        var dx = MemoryMarshal.Cast<float, Vector<float>>(inputGradient[..output.Length]);
        for (int v = 0; v < y.Length; v++)
        {
            dx[v] = Vector.ConditionalSelect(Vector.GreaterThan(y[v], Vector<float>.Zero), dy[v], Vector<float>.Zero);
        }

        for (int i = y.Length * Vector<float>.Count; i < output.Length; i++)
        {
            inputGradient[i] = output[i] > 0f ? outputGradient[i] : 0f;
        }
    }
}
