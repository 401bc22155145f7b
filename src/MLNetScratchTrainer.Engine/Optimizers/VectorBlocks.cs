using System.Numerics;
using System.Runtime.CompilerServices;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Reads and writes a span in <see cref="Vector{T}"/>-sized blocks, so that an element-wise update rule
/// is written once, for whole SIMD registers. The last, partial block is zero-padded when loaded and only
/// its real elements are written back, so spans of any length go through the same rule.
/// </summary>
/// <remarks>
/// Element-wise float arithmetic (add, multiply, divide, square root) rounds the same way in a SIMD lane
/// as in scalar code, so results do not depend on the machine's vector width.
/// </remarks>
internal static class VectorBlocks
{
    /// <summary>Optimizer state of smaller magnitude is flushed to zero (see <see cref="StoreState"/>).</summary>
    public const float TinyMagnitude = 1e-30f;

    /// <summary>Number of floats in one block (8 with AVX2, 16 with AVX-512).</summary>
    public static int Width => Vector<float>.Count;

    /// <summary>Loads the block starting at <paramref name="start"/>, zero-padding past the end of the span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Load(ReadOnlySpan<float> source, int start) =>
        source.Length - start >= Vector<float>.Count
            ? new Vector<float>(source[start..])
            : LoadPartial(source[start..]);

    /// <summary>Stores the block starting at <paramref name="start"/>, dropping lanes past the end of the span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector<float> value, Span<float> destination, int start)
    {
        if (destination.Length - start >= Vector<float>.Count)
        {
            value.CopyTo(destination[start..]);
        }
        else
        {
            StorePartial(value, destination[start..]);
        }
    }

    /// <summary>
    /// Stores optimizer state (a velocity or moment estimate) with values of magnitude below <see cref="TinyMagnitude"/> flushed to zero.
    /// </summary>
    /// <remarks>
    /// State that decays geometrically (m ← β·m with a zero gradient, as for the border pixels of MNIST) would
    /// otherwise sink into the subnormal range, where x86 arithmetic takes a slow micro-code path that made Adam
    /// several times slower. Such values change no update in float32; PyTorch's set_flush_denormal does the same.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreState(Vector<float> value, Span<float> destination, int start) => Store(FlushTiny(value), destination, start);

    /// <summary>Returns <paramref name="value"/> with lanes of magnitude below <see cref="TinyMagnitude"/> set to zero (see <see cref="StoreState"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> FlushTiny(Vector<float> value)
        => Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(value), new Vector<float>(TinyMagnitude)), Vector<float>.Zero, value);

    private static Vector<float> LoadPartial(ReadOnlySpan<float> tail)
    {
        Span<float> padded = stackalloc float[Vector<float>.Count];
        padded.Clear();
        tail.CopyTo(padded);
        return new Vector<float>(padded);
    }

    private static void StorePartial(Vector<float> value, Span<float> tail)
    {
        Span<float> block = stackalloc float[Vector<float>.Count];
        value.CopyTo(block);
        block[..tail.Length].CopyTo(tail);
    }
}
