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
