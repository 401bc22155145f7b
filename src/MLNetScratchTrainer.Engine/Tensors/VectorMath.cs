using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>Element-wise and row/column kernels used by the layers, vectorised with <see cref="Vector{T}"/>.</summary>
public static class VectorMath
{
    /// <summary>Adds <paramref name="rowVector"/> to every row of <paramref name="matrix"/> (the bias of a dense layer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddToEachRow(Matrix matrix, ReadOnlySpan<float> rowVector)
    {
        for (int r = 0; r < matrix.Rows; r++)
        {
            Add(matrix.Row(r), rowVector);
        }
    }

    /// <summary>target[i] += source[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(Span<float> target, ReadOnlySpan<float> source)
    {
        var t = MemoryMarshal.Cast<float, Vector<float>>(target);
        var s = MemoryMarshal.Cast<float, Vector<float>>(source[..target.Length]);
        for (int i = 0; i < t.Length; i++)
        {
            t[i] += s[i];
        }

        for (int i = t.Length * Vector<float>.Count; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    /// <summary>
    /// target[i] += rate · (source[i] − target[i]): moves target a fraction <paramref name="rate"/> of the way toward
    /// source (a moving average's update). Not fused, so it equals the scalar expression bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MoveToward(Span<float> target, ReadOnlySpan<float> source, float rate)
    {
        var t = MemoryMarshal.Cast<float, Vector<float>>(target);
        var s = MemoryMarshal.Cast<float, Vector<float>>(source[..target.Length]);
        var r = new Vector<float>(rate);
        for (int i = 0; i < t.Length; i++)
        {
            t[i] += r * (s[i] - t[i]);
        }

        for (int i = t.Length * Vector<float>.Count; i < target.Length; i++)
        {
            target[i] += rate * (source[i] - target[i]);
        }
    }

    /// <summary>target[i] = fma(scale, source[i], target[i]), the "axpy" of BLAS.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(float scale, ReadOnlySpan<float> source, Span<float> target)
    {
        var s = MemoryMarshal.Cast<float, Vector<float>>(source[..target.Length]);
        var t = MemoryMarshal.Cast<float, Vector<float>>(target);
        var factor = new Vector<float>(scale);
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = Vector.FusedMultiplyAdd(factor, s[i], t[i]);
        }

        for (int i = t.Length * Vector<float>.Count; i < target.Length; i++)
        {
            target[i] = MathF.FusedMultiplyAdd(scale, source[i], target[i]);
        }
    }

    /// <summary>Sums the rows of <paramref name="matrix"/> into <paramref name="columnSums"/> (the bias gradient), rows in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumRows(Matrix matrix, Span<float> columnSums)
    {
        columnSums.Clear();
        for (int r = 0; r < matrix.Rows; r++)
        {
            Add(columnSums, matrix.Row(r));
        }
    }

    /// <summary>product[i] = left[i] × right[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> product)
    {
        var l = MemoryMarshal.Cast<float, Vector<float>>(left);
        var r = MemoryMarshal.Cast<float, Vector<float>>(right[..left.Length]);
        var p = MemoryMarshal.Cast<float, Vector<float>>(product[..left.Length]);
        for (int v = 0; v < l.Length; v++)
        {
            p[v] = l[v] * r[v];
        }

        for (int k = l.Length * Vector<float>.Count; k < left.Length; k++)
        {
            product[k] = left[k] * right[k];
        }
    }

    /// <summary>Whether any value is NaN, a vector at a time (NaN is the one value not equal to itself).</summary>
    public static bool ContainsNaN(ReadOnlySpan<float> values)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        foreach (var v in vectors)
        {
            if (!Vector.EqualsAll(v, v))
            {
                return true;
            }
        }

        foreach (float x in values[(vectors.Length * Vector<float>.Count)..])
        {
            if (float.IsNaN(x))
            {
                return true;
            }
        }

        return false;
    }
}
