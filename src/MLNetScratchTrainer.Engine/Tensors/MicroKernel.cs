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

    /// <summary>
    /// C[0..MR, 0..NR] (+)= Σ_p packedA[p, 0..MR]ᵀ · packedB[p, 0..NR] for p in [0, depth), with NR two vectors, or one
    /// (<see cref="OneVector"/>) for the last panel of a product whose column count leaves at most one vector there (104
    /// columns are three panels of 32 and one of 8): the second vector would only multiply padding.
    /// </summary>
    /// <param name="depth">Number of k steps.</param>
    /// <param name="packedA">Depth × MR values, row r of the tile at offset p·MR + r.</param>
    /// <param name="packedB">NR values per depth step, column j of the tile at step p at offset p·<paramref name="ldb"/> + j.</param>
    /// <param name="ldb">Floats from one depth step of B to the next: NR for a packed panel, n for B read in place.</param>
    /// <param name="c">Top-left element of the tile.</param>
    /// <param name="ldc">Distance between rows of C.</param>
    /// <param name="accumulate">Add to C (true) or overwrite it (false).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TSimd, TVector, TColumns>(int depth, ref float packedA, ref float packedB, int ldb, ref float c, int ldc, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
        where TColumns : struct, IColumnVectors
    {
        int w = TSimd.Count;
        int mr = Rows<TSimd, TVector>();    // constants of the type arguments: the JIT drops the code of rows 6 and 7, or of
        bool two = TColumns.Count == 2;     // the second vector, where the tile has none
        TVector c00 = TSimd.Zero, c01 = TSimd.Zero, c10 = TSimd.Zero, c11 = TSimd.Zero;
        TVector c20 = TSimd.Zero, c21 = TSimd.Zero, c30 = TSimd.Zero, c31 = TSimd.Zero;
        TVector c40 = TSimd.Zero, c41 = TSimd.Zero, c50 = TSimd.Zero, c51 = TSimd.Zero;
        TVector c60 = TSimd.Zero, c61 = TSimd.Zero, c70 = TSimd.Zero, c71 = TSimd.Zero;
        ref float a = ref packedA;
        ref float b = ref packedB;
        for (int p = 0; p < depth; p++)
        {
            TVector b0 = TSimd.Load(ref b);
            TVector b1 = two ? TSimd.Load(ref Unsafe.Add(ref b, w)) : TSimd.Zero;
            Step<TSimd, TVector, TColumns>(ref c00, ref c01, a, b0, b1);
            Step<TSimd, TVector, TColumns>(ref c10, ref c11, Unsafe.Add(ref a, 1), b0, b1);
            Step<TSimd, TVector, TColumns>(ref c20, ref c21, Unsafe.Add(ref a, 2), b0, b1);
            Step<TSimd, TVector, TColumns>(ref c30, ref c31, Unsafe.Add(ref a, 3), b0, b1);
            Step<TSimd, TVector, TColumns>(ref c40, ref c41, Unsafe.Add(ref a, 4), b0, b1);
            Step<TSimd, TVector, TColumns>(ref c50, ref c51, Unsafe.Add(ref a, 5), b0, b1);
            if (mr == 8)
            {
                Step<TSimd, TVector, TColumns>(ref c60, ref c61, Unsafe.Add(ref a, 6), b0, b1);
                Step<TSimd, TVector, TColumns>(ref c70, ref c71, Unsafe.Add(ref a, 7), b0, b1);
            }

            a = ref Unsafe.Add(ref a, mr);
            b = ref Unsafe.Add(ref b, ldb);
        }

        StoreRow<TSimd, TVector, TColumns>(c00, c01, ref c, accumulate);
        StoreRow<TSimd, TVector, TColumns>(c10, c11, ref Unsafe.Add(ref c, ldc), accumulate);
        StoreRow<TSimd, TVector, TColumns>(c20, c21, ref Unsafe.Add(ref c, 2 * ldc), accumulate);
        StoreRow<TSimd, TVector, TColumns>(c30, c31, ref Unsafe.Add(ref c, 3 * ldc), accumulate);
        StoreRow<TSimd, TVector, TColumns>(c40, c41, ref Unsafe.Add(ref c, 4 * ldc), accumulate);
        StoreRow<TSimd, TVector, TColumns>(c50, c51, ref Unsafe.Add(ref c, 5 * ldc), accumulate);
        if (mr == 8)
        {
            StoreRow<TSimd, TVector, TColumns>(c60, c61, ref Unsafe.Add(ref c, 6 * ldc), accumulate);
            StoreRow<TSimd, TVector, TColumns>(c70, c71, ref Unsafe.Add(ref c, 7 * ldc), accumulate);
        }
    }

    /// <summary>One depth step of one row of the tile: both accumulators (or the first) += a · (b0, b1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step<TSimd, TVector, TColumns>(ref TVector left, ref TVector right, float a, TVector b0, TVector b1)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
        where TColumns : struct, IColumnVectors
    {
        TVector av = TSimd.Broadcast(a);
        left = TSimd.MultiplyAdd(av, b0, left);
        if (TColumns.Count == 2)
        {
            right = TSimd.MultiplyAdd(av, b1, right);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TSimd, TVector, TColumns>(TVector left, TVector right, ref float row, bool accumulate)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
        where TColumns : struct, IColumnVectors
    {
        ref float rightHalf = ref Unsafe.Add(ref row, TSimd.Count);
        if (accumulate)
        {
            left = TSimd.Add(left, TSimd.Load(ref row));
            right = TColumns.Count == 2 ? TSimd.Add(right, TSimd.Load(ref rightHalf)) : right;
        }

        TSimd.Store(left, ref row);
        if (TColumns.Count == 2)
        {
            TSimd.Store(right, ref rightHalf);
        }
    }
}

/// <summary>How many vectors of columns a micro-kernel tile spans: the type argument that picks a tile's width.</summary>
internal interface IColumnVectors
{
    /// <summary>Vectors of columns per tile.</summary>
    static abstract int Count { get; }
}

/// <summary>Tiles of two vectors of columns (NR), the usual ones.</summary>
internal readonly struct TwoVectors : IColumnVectors
{
    public static int Count => 2;
}

/// <summary>Tiles of one vector of columns, for a last panel that holds at most one vector's worth.</summary>
internal readonly struct OneVector : IColumnVectors
{
    public static int Count => 1;
}
