using System.Runtime.CompilerServices;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// The inner loop of the matrix multiply: a 6 × (2 vectors) tile of C, kept in twelve vector registers,
/// accumulates the outer products of one packed column of A and one packed row of B per step of k.
/// </summary>
internal static class MicroKernel
{
    /// <summary>Rows of C per tile (MR).</summary>
    public const int Rows = 6;

    /// <summary>Columns of C per tile (NR) for a vector width.</summary>
    public static int Columns<TSimd, TVector>()
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
        => 2 * TSimd.Count;

    /// <summary>
    /// C[0..6, 0..NR] (+)= Σ_p packedA[p, 0..6]ᵀ · packedB[p, 0..NR] for p in [0, depth).
    /// </summary>
    /// <param name="depth">Number of k steps.</param>
    /// <param name="packedA">Depth × 6 values, row r of the tile at offset p·6 + r.</param>
    /// <param name="packedB">NR values per depth step, column j of the tile at step p at offset p·<paramref name="ldb"/> + j.</param>
    /// <param name="ldb">Floats from one depth step of B to the next: NR for a packed panel, n for B read in place.</param>
    /// <param name="c">Top-left element of the tile.</param>
    /// <param name="ldc">Distance between rows of C.</param>
    /// <param name="accumulate">Add to C (true) or overwrite it (false).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TSimd, TVector>(int depth, ref float packedA, ref float packedB, int ldb, ref float c, int ldc, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        int w = TSimd.Count;
        int nr = 2 * w;
        TVector c00 = TSimd.Zero, c01 = TSimd.Zero, c10 = TSimd.Zero, c11 = TSimd.Zero;
        TVector c20 = TSimd.Zero, c21 = TSimd.Zero, c30 = TSimd.Zero, c31 = TSimd.Zero;
        TVector c40 = TSimd.Zero, c41 = TSimd.Zero, c50 = TSimd.Zero, c51 = TSimd.Zero;
        ref float a = ref packedA;
        ref float b = ref packedB;
        for (int p = 0; p < depth; p++)
        {
            TVector b0 = TSimd.Load(ref b);
            TVector b1 = TSimd.Load(ref Unsafe.Add(ref b, w));
            TVector av = TSimd.Broadcast(a);
            c00 = TSimd.MultiplyAdd(av, b0, c00);
            c01 = TSimd.MultiplyAdd(av, b1, c01);
            av = TSimd.Broadcast(Unsafe.Add(ref a, 1));
            c10 = TSimd.MultiplyAdd(av, b0, c10);
            c11 = TSimd.MultiplyAdd(av, b1, c11);
            av = TSimd.Broadcast(Unsafe.Add(ref a, 2));
            c20 = TSimd.MultiplyAdd(av, b0, c20);
            c21 = TSimd.MultiplyAdd(av, b1, c21);
            av = TSimd.Broadcast(Unsafe.Add(ref a, 3));
            c30 = TSimd.MultiplyAdd(av, b0, c30);
            c31 = TSimd.MultiplyAdd(av, b1, c31);
            av = TSimd.Broadcast(Unsafe.Add(ref a, 4));
            c40 = TSimd.MultiplyAdd(av, b0, c40);
            c41 = TSimd.MultiplyAdd(av, b1, c41);
            av = TSimd.Broadcast(Unsafe.Add(ref a, 5));
            c50 = TSimd.MultiplyAdd(av, b0, c50);
            c51 = TSimd.MultiplyAdd(av, b1, c51);
            a = ref Unsafe.Add(ref a, Rows);
            b = ref Unsafe.Add(ref b, ldb);
        }

        StoreRow<TSimd, TVector>(c00, c01, ref c, w, accumulate);
        StoreRow<TSimd, TVector>(c10, c11, ref Unsafe.Add(ref c, ldc), w, accumulate);
        StoreRow<TSimd, TVector>(c20, c21, ref Unsafe.Add(ref c, 2 * ldc), w, accumulate);
        StoreRow<TSimd, TVector>(c30, c31, ref Unsafe.Add(ref c, 3 * ldc), w, accumulate);
        StoreRow<TSimd, TVector>(c40, c41, ref Unsafe.Add(ref c, 4 * ldc), w, accumulate);
        StoreRow<TSimd, TVector>(c50, c51, ref Unsafe.Add(ref c, 5 * ldc), w, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TSimd, TVector>(TVector left, TVector right, ref float row, int w, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        ref float rightHalf = ref Unsafe.Add(ref row, w);
        if (accumulate)
        {
            left = TSimd.Add(left, TSimd.Load(ref row));
            right = TSimd.Add(right, TSimd.Load(ref rightHalf));
        }

        TSimd.Store(left, ref row);
        TSimd.Store(right, ref rightHalf);
    }
}
