using System.Runtime.CompilerServices;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// A product with only a few columns: n ≤ <see cref="MaxColumns"/> (the output layer of a binary classifier or a
/// regressor), or, with a transposed A, fewer than the packed kernel's two vectors (the weight gradient of a small output
/// layer). The packed kernel would pad each row of such a C to two vectors, and every tile would be an edge tile:
/// 3 GFLOP/s for a 112 × 1 × 176 product, 2 for its weight gradient. Here each element of C is one chain of multiply-adds
/// over the depth, in the packed kernel's order (from zero within each depth block, the blocks added), so the bits are
/// the same. The chains of eight rows run side by side; with a transposed A, whose rows of op(A) lie along A's rows, a
/// whole vector of rows at once.
/// </summary>
internal static class ColumnKernel
{
    /// <summary>The widest C this kernel takes whatever the transposes.</summary>
    public const int MaxColumns = 4;

    /// <summary>Whether a product of <paramref name="n"/> columns goes to this kernel rather than the packed one of <paramref name="packedColumns"/>-wide tiles.</summary>
    public static bool Takes(int n, bool transposeA, int packedColumns) => n <= MaxColumns || (transposeA && n < packedColumns);

    /// <summary>Rows of C whose chains run side by side when A is not transposed: enough to keep both FMA units busy.</summary>
    private const int RowsTogether = 8;

    /// <summary>C = op(A)·op(B), or C += op(A)·op(B), for depths [depth0, depthEnd) (see <see cref="Gemm.Multiply"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TSimd, TVector>(float[] a, bool transposeA, float[] b, bool transposeB, float[] c, int m, int n, int k, int depth0, int depthEnd, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        int i = 0;
        if (transposeA)
        {
            for (; i + (4 * TSimd.Count) <= m; i += 4 * TSimd.Count)
            {
                FourRowVectors<TSimd, TVector>(a, b, transposeB, c, i, m, n, k, depth0, depthEnd, accumulate);
            }

            for (; i + TSimd.Count <= m; i += TSimd.Count)
            {
                RowVector<TSimd, TVector>(a, b, transposeB, c, i, m, n, k, depth0, depthEnd, accumulate);
            }
        }
        else
        {
            for (; i + RowsTogether <= m; i += RowsTogether)
            {
                EightRows(a, b, transposeB, c, i, n, k, depth0, depthEnd, accumulate);
            }
        }

        for (; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = depth0; p < depthEnd; p++)
                {
                    sum = MathF.FusedMultiplyAdd(OpA(a, transposeA, i, p, m, k), OpB(b, transposeB, p, j, n, k), sum);
                }

                c[(i * n) + j] = accumulate ? c[(i * n) + j] + sum : sum;
            }
        }
    }

    /// <summary>Rows [i, i + 4 vectors) of C, with A transposed: four chains side by side, as <see cref="RowVector"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRowVectors<TSimd, TVector>(float[] a, float[] b, bool transposeB, float[] c, int i, int m, int n, int k, int depth0, int depthEnd, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        int w = TSimd.Count;
        for (int j = 0; j < n; j++)
        {
            TVector s0 = TSimd.Zero, s1 = TSimd.Zero, s2 = TSimd.Zero, s3 = TSimd.Zero;
            for (int p = depth0; p < depthEnd; p++)
            {
                ref float row = ref a[(p * m) + i];
                TVector bp = TSimd.Broadcast(OpB(b, transposeB, p, j, n, k));
                s0 = TSimd.MultiplyAdd(TSimd.Load(ref row), bp, s0);
                s1 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref row, w)), bp, s1);
                s2 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref row, 2 * w)), bp, s2);
                s3 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref row, 3 * w)), bp, s3);
            }

            PutColumn<TSimd, TVector>(s0, c, i, j, n, accumulate);
            PutColumn<TSimd, TVector>(s1, c, i + w, j, n, accumulate);
            PutColumn<TSimd, TVector>(s2, c, i + (2 * w), j, n, accumulate);
            PutColumn<TSimd, TVector>(s3, c, i + (3 * w), j, n, accumulate);
        }
    }

    /// <summary>Rows [i, i + vector) of C, with A transposed: op(A)[i.., p] is a vector of A's row p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowVector<TSimd, TVector>(float[] a, float[] b, bool transposeB, float[] c, int i, int m, int n, int k, int depth0, int depthEnd, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        for (int j = 0; j < n; j++)
        {
            TVector sum = TSimd.Zero;
            for (int p = depth0; p < depthEnd; p++)
            {
                sum = TSimd.MultiplyAdd(TSimd.Load(ref a[(p * m) + i]), TSimd.Broadcast(OpB(b, transposeB, p, j, n, k)), sum);
            }

            PutColumn<TSimd, TVector>(sum, c, i, j, n, accumulate);
        }
    }

    /// <summary>Writes (or adds) a vector of rows [i, i + vector) of column j of C.</summary>
    private static void PutColumn<TSimd, TVector>(TVector sums, float[] c, int i, int j, int n, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        Span<float> lanes = stackalloc float[TSimd.Count];
        TSimd.Store(sums, ref lanes[0]);
        for (int r = 0; r < lanes.Length; r++)
        {
            Put(c, ((i + r) * n) + j, lanes[r], accumulate);
        }
    }

    /// <summary>Rows [i, i + 8) of C, with A as it is: eight chains side by side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EightRows(float[] a, float[] b, bool transposeB, float[] c, int i, int n, int k, int depth0, int depthEnd, bool accumulate)
    {
        ReadOnlySpan<float> r0 = a.AsSpan(i * k, k), r1 = a.AsSpan((i + 1) * k, k), r2 = a.AsSpan((i + 2) * k, k), r3 = a.AsSpan((i + 3) * k, k);
        ReadOnlySpan<float> r4 = a.AsSpan((i + 4) * k, k), r5 = a.AsSpan((i + 5) * k, k), r6 = a.AsSpan((i + 6) * k, k), r7 = a.AsSpan((i + 7) * k, k);
        for (int j = 0; j < n; j++)
        {
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
            for (int p = depth0; p < depthEnd; p++)
            {
                float bp = OpB(b, transposeB, p, j, n, k);
                s0 = MathF.FusedMultiplyAdd(r0[p], bp, s0);
                s1 = MathF.FusedMultiplyAdd(r1[p], bp, s1);
                s2 = MathF.FusedMultiplyAdd(r2[p], bp, s2);
                s3 = MathF.FusedMultiplyAdd(r3[p], bp, s3);
                s4 = MathF.FusedMultiplyAdd(r4[p], bp, s4);
                s5 = MathF.FusedMultiplyAdd(r5[p], bp, s5);
                s6 = MathF.FusedMultiplyAdd(r6[p], bp, s6);
                s7 = MathF.FusedMultiplyAdd(r7[p], bp, s7);
            }

            Put(c, (i * n) + j, s0, accumulate);
            Put(c, ((i + 1) * n) + j, s1, accumulate);
            Put(c, ((i + 2) * n) + j, s2, accumulate);
            Put(c, ((i + 3) * n) + j, s3, accumulate);
            Put(c, ((i + 4) * n) + j, s4, accumulate);
            Put(c, ((i + 5) * n) + j, s5, accumulate);
            Put(c, ((i + 6) * n) + j, s6, accumulate);
            Put(c, ((i + 7) * n) + j, s7, accumulate);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(float[] c, int index, float sum, bool accumulate) => c[index] = accumulate ? c[index] + sum : sum;

    /// <summary>op(A)[i, p]: A is stored m × k, or k × m when transposed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float OpA(float[] a, bool transposeA, int i, int p, int m, int k) => transposeA ? a[(p * m) + i] : a[(i * k) + p];

    /// <summary>op(B)[p, j]: B is stored k × n, or n × k when transposed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float OpB(float[] b, bool transposeB, int p, int j, int n, int k) => transposeB ? b[(j * k) + p] : b[(p * n) + j];
}
