using System.Runtime.CompilerServices;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// The inner loop of the matrix multiply: a tile of MR rows × (2 vectors) of C, kept in vector registers, accumulates
/// the outer products of one packed column of A and one packed row of B per step of k. MR is 8 with AVX-512, whose 32
/// registers hold the sixteen accumulators, the two vectors of B and the broadcast value of A; with 16 registers (AVX2
/// and narrower) it is 6, twelve accumulators. Eight rows also make the usual batch and layer sizes (32, 64, 128, 104,
/// 176, 256 …) whole numbers of tiles, where six left a thin edge tile that cost as much as a full one.
/// </summary>
internal static class MicroKernel
{
    /// <summary>Rows of C per tile (MR) for a vector width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Rows<TSimd, TVector>()
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
        => RowsFor(TSimd.Count);

    /// <summary>Rows of C per tile (MR) for vectors of <paramref name="vectorWidth"/> floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RowsFor(int vectorWidth) => vectorWidth >= 16 ? 8 : 6;

    /// <summary>Columns of C per tile (NR) for a vector width.</summary>
    public static int Columns<TSimd, TVector>()
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
        => 2 * TSimd.Count;

    /// <summary>
    /// C[0..MR, 0..NR] (+)= Σ_p packedA[p, 0..MR]ᵀ · packedB[p, 0..NR] for p in [0, depth).
    /// </summary>
    /// <param name="depth">Number of k steps.</param>
    /// <param name="packedA">Depth × MR values, row r of the tile at offset p·MR + r.</param>
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
        int mr = Rows<TSimd, TVector>();    // a constant of the width: the JIT drops the rows-6-and-7 code of a 6-row tile
        TVector c00 = TSimd.Zero, c01 = TSimd.Zero, c10 = TSimd.Zero, c11 = TSimd.Zero;
        TVector c20 = TSimd.Zero, c21 = TSimd.Zero, c30 = TSimd.Zero, c31 = TSimd.Zero;
        TVector c40 = TSimd.Zero, c41 = TSimd.Zero, c50 = TSimd.Zero, c51 = TSimd.Zero;
        TVector c60 = TSimd.Zero, c61 = TSimd.Zero, c70 = TSimd.Zero, c71 = TSimd.Zero;
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
            if (mr == 8)
            {
                av = TSimd.Broadcast(Unsafe.Add(ref a, 6));
                c60 = TSimd.MultiplyAdd(av, b0, c60);
                c61 = TSimd.MultiplyAdd(av, b1, c61);
                av = TSimd.Broadcast(Unsafe.Add(ref a, 7));
                c70 = TSimd.MultiplyAdd(av, b0, c70);
                c71 = TSimd.MultiplyAdd(av, b1, c71);
            }

            a = ref Unsafe.Add(ref a, mr);
            b = ref Unsafe.Add(ref b, ldb);
        }

        StoreRow<TSimd, TVector>(c00, c01, ref c, w, accumulate);
        StoreRow<TSimd, TVector>(c10, c11, ref Unsafe.Add(ref c, ldc), w, accumulate);
        StoreRow<TSimd, TVector>(c20, c21, ref Unsafe.Add(ref c, 2 * ldc), w, accumulate);
        StoreRow<TSimd, TVector>(c30, c31, ref Unsafe.Add(ref c, 3 * ldc), w, accumulate);
        StoreRow<TSimd, TVector>(c40, c41, ref Unsafe.Add(ref c, 4 * ldc), w, accumulate);
        StoreRow<TSimd, TVector>(c50, c51, ref Unsafe.Add(ref c, 5 * ldc), w, accumulate);
        if (mr == 8)
        {
            StoreRow<TSimd, TVector>(c60, c61, ref Unsafe.Add(ref c, 6 * ldc), w, accumulate);
            StoreRow<TSimd, TVector>(c70, c71, ref Unsafe.Add(ref c, 7 * ldc), w, accumulate);
        }
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
