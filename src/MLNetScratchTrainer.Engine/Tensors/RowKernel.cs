using System.Runtime.CompilerServices;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// The few-rows product (single-row inference): c[j] (+)= Σ_p a[p]·B[p, j] for one row, with no packing.
/// Eight vectors of columns (enough independent chains to hide the fused multiply-add's latency) are accumulated
/// in registers over a block of depth, so B streams through once and each element of c is formed by the same
/// sequence of fused multiply-adds as in <see cref="MicroKernel"/>: the two paths give bit-identical results.
/// </summary>
internal static class RowKernel
{
    /// <summary>
    /// c[0..n] = (accumulate ? c : 0) + Σ_{p in [depth0, depthEnd)} a[p]·b[p·n + j], with the sum formed from zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TSimd, TVector>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int n, int depth0, int depthEnd, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        int w = TSimd.Count;
        ref float b0 = ref Unsafe.AsRef(in b[0]);
        int j = 0;
        for (; j + (8 * w) <= n; j += 8 * w)
        {
            TVector s0 = TSimd.Zero, s1 = TSimd.Zero, s2 = TSimd.Zero, s3 = TSimd.Zero;
            TVector s4 = TSimd.Zero, s5 = TSimd.Zero, s6 = TSimd.Zero, s7 = TSimd.Zero;
            for (int p = depth0; p < depthEnd; p++)
            {
                TVector ap = TSimd.Broadcast(a[p]);
                ref float row = ref Unsafe.Add(ref b0, (p * n) + j);
                s0 = TSimd.MultiplyAdd(ap, TSimd.Load(ref row), s0);
                s1 = TSimd.MultiplyAdd(ap, TSimd.Load(ref Unsafe.Add(ref row, w)), s1);
                s2 = TSimd.MultiplyAdd(ap, TSimd.Load(ref Unsafe.Add(ref row, 2 * w)), s2);
                s3 = TSimd.MultiplyAdd(ap, TSimd.Load(ref Unsafe.Add(ref row, 3 * w)), s3);
                s4 = TSimd.MultiplyAdd(ap, TSimd.Load(ref Unsafe.Add(ref row, 4 * w)), s4);
                s5 = TSimd.MultiplyAdd(ap, TSimd.Load(ref Unsafe.Add(ref row, 5 * w)), s5);
                s6 = TSimd.MultiplyAdd(ap, TSimd.Load(ref Unsafe.Add(ref row, 6 * w)), s6);
                s7 = TSimd.MultiplyAdd(ap, TSimd.Load(ref Unsafe.Add(ref row, 7 * w)), s7);
            }

            StoreSum<TSimd, TVector>(s0, c, j, accumulate);
            StoreSum<TSimd, TVector>(s1, c, j + w, accumulate);
            StoreSum<TSimd, TVector>(s2, c, j + (2 * w), accumulate);
            StoreSum<TSimd, TVector>(s3, c, j + (3 * w), accumulate);
            StoreSum<TSimd, TVector>(s4, c, j + (4 * w), accumulate);
            StoreSum<TSimd, TVector>(s5, c, j + (5 * w), accumulate);
            StoreSum<TSimd, TVector>(s6, c, j + (6 * w), accumulate);
            StoreSum<TSimd, TVector>(s7, c, j + (7 * w), accumulate);
        }

        for (; j + w <= n; j += w)
        {
            TVector s = TSimd.Zero;
            for (int p = depth0; p < depthEnd; p++)
            {
                s = TSimd.MultiplyAdd(TSimd.Broadcast(a[p]), TSimd.Load(ref Unsafe.Add(ref b0, (p * n) + j)), s);
            }

            StoreSum<TSimd, TVector>(s, c, j, accumulate);
        }

        for (; j < n; j++)
        {
            float s = 0f;
            for (int p = depth0; p < depthEnd; p++)
            {
                s = MathF.FusedMultiplyAdd(a[p], b[(p * n) + j], s);
            }

            c[j] = accumulate ? c[j] + s : s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSum<TSimd, TVector>(TVector sum, Span<float> c, int j, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        ref float target = ref c[j];
        TSimd.Store(accumulate ? TSimd.Add(TSimd.Load(ref target), sum) : sum, ref target);
    }
}
