using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// Phase 1 of <see cref="Gemm"/>, packing: copies B and blocks of A into the order the micro-kernel reads them, so the
/// compute phase walks memory contiguously. Transposes are absorbed here; zero padding fills partial panels.
/// </summary>
public sealed partial class Gemm
{
    /// <summary>
    /// Packs the NR columns of B panel <paramref name="panel"/> into <see cref="_packedB"/>, depth block by depth block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackBPanel(int panel)
    {
        int depthBlock = DepthBlock(_k);
        for (int depth0 = 0; depth0 < _k; depth0 += depthBlock)
        {
            int depth = Math.Min(depthBlock, _k - depth0);
            PackBPanel(panel, depth0, depth, _packedB.AsSpan((depth0 * _paddedN) + (panel * depth * _nr), depth * _nr));
        }
    }

    /// <summary>
    /// Packs one depth block of B panel <paramref name="panel"/> into <paramref name="target"/>: for each depth step p, the
    /// panel's NR values of row p of op(B) side by side (zeros past column n).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackBPanel(int panel, int depth0, int depth, Span<float> target)
    {
        int column0 = panel * _nr;
        int width = Math.Min(_nr, _n - column0);
        if (_transposeB)
        {
            PackTransposedColumns(target, column0, width, depth0, depth);
            return;
        }

        for (int p = 0; p < depth; p++)
        {
            Span<float> row = target.Slice(p * _nr, _nr);
            if (width == _nr)
            {
                CopyVectors(ref _b[((depth0 + p) * _n) + column0], ref row[0], _nr);
            }
            else
            {
                _b.AsSpan(((depth0 + p) * _n) + column0, width).CopyTo(row);
            }

            row[width..].Clear();
        }
    }

    /// <summary>
    /// Packs a panel of a transposed B (stored n × k): column j of the panel is row column0 + j of the stored matrix, read
    /// contiguously over the depth block and written with a stride of NR; columns past n are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackTransposedColumns(Span<float> target, int column0, int width, int depth0, int depth)
    {
        ref float packed = ref target[0];
        int j = 0;
        if (Avx.IsSupported)
        {
            // Whole 8 × 8 blocks (8 columns of the panel over 8 depth steps) through registers; the rest one value at a time.
            for (; j + 8 <= width; j += 8)
            {
                ref float source = ref _b[((column0 + j) * _k) + depth0];
                int p = 0;
                for (; p + 8 <= depth; p += 8)
                {
                    Transpose8x8(ref Unsafe.Add(ref source, p), _k, ref Unsafe.Add(ref packed, (p * _nr) + j), _nr);
                }

                for (; p < depth; p++)
                {
                    for (int jj = 0; jj < 8; jj++)
                    {
                        Unsafe.Add(ref packed, (p * _nr) + j + jj) = Unsafe.Add(ref source, (jj * _k) + p);
                    }
                }
            }
        }

        for (; j < width; j++)
        {
            ref float source = ref _b[((column0 + j) * _k) + depth0];
            for (int p = 0; p < depth; p++)
            {
                Unsafe.Add(ref packed, (p * _nr) + j) = Unsafe.Add(ref source, p);
            }
        }

        for (int p = 0; width < _nr && p < depth; p++)
        {
            target.Slice((p * _nr) + width, _nr - width).Clear();
        }
    }

    /// <summary>
    /// Writes the transpose of the 8 × 8 block at <paramref name="source"/> (rows <paramref name="sourceStride"/> apart)
    /// to <paramref name="target"/> (rows <paramref name="targetStride"/> apart): the textbook AVX sequence of unpacks,
    /// shuffles and lane permutes. A pure data move, so it cannot change a result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose8x8(ref float source, int sourceStride, ref float target, int targetStride)
    {
        Vector256<float> r0 = Vector256.LoadUnsafe(ref source), r1 = Vector256.LoadUnsafe(ref source, (nuint)sourceStride);
        Vector256<float> r2 = Vector256.LoadUnsafe(ref source, (nuint)(2 * sourceStride)), r3 = Vector256.LoadUnsafe(ref source, (nuint)(3 * sourceStride));
        Vector256<float> r4 = Vector256.LoadUnsafe(ref source, (nuint)(4 * sourceStride)), r5 = Vector256.LoadUnsafe(ref source, (nuint)(5 * sourceStride));
        Vector256<float> r6 = Vector256.LoadUnsafe(ref source, (nuint)(6 * sourceStride)), r7 = Vector256.LoadUnsafe(ref source, (nuint)(7 * sourceStride));

        // Interleave pairs of rows, then pairs of pairs: each 128-bit half then holds four values of one column.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44), s1 = Avx.Shuffle(t0, t2, 0xEE), s2 = Avx.Shuffle(t1, t3, 0x44), s3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> s4 = Avx.Shuffle(t4, t6, 0x44), s5 = Avx.Shuffle(t4, t6, 0xEE), s6 = Avx.Shuffle(t5, t7, 0x44), s7 = Avx.Shuffle(t5, t7, 0xEE);

        // Join the low halves (columns 0–3) and the high halves (columns 4–7) of rows 0–3 and 4–7.
        Avx.Permute2x128(s0, s4, 0x20).StoreUnsafe(ref target);
        Avx.Permute2x128(s1, s5, 0x20).StoreUnsafe(ref target, (nuint)targetStride);
        Avx.Permute2x128(s2, s6, 0x20).StoreUnsafe(ref target, (nuint)(2 * targetStride));
        Avx.Permute2x128(s3, s7, 0x20).StoreUnsafe(ref target, (nuint)(3 * targetStride));
        Avx.Permute2x128(s0, s4, 0x31).StoreUnsafe(ref target, (nuint)(4 * targetStride));
        Avx.Permute2x128(s1, s5, 0x31).StoreUnsafe(ref target, (nuint)(5 * targetStride));
        Avx.Permute2x128(s2, s6, 0x31).StoreUnsafe(ref target, (nuint)(6 * targetStride));
        Avx.Permute2x128(s3, s7, 0x31).StoreUnsafe(ref target, (nuint)(7 * targetStride));
    }

    /// <summary>
    /// Packs row panels [<paramref name="firstPanel"/>, <paramref name="endPanel"/>) of op(A) for one depth block: for
    /// each depth step p, the panel's MR values of column p of op(A) side by side (zeros past row m).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackAPanels(Span<float> target, int firstPanel, int endPanel, int depth0, int depth)
    {
        int mr = _mr;
        for (int panel = firstPanel; panel < endPanel; panel++)
        {
            Span<float> packed = target.Slice((panel - firstPanel) * depth * mr, depth * mr);
            if (_transposeA)
            {
                PackTransposedRowPanel(packed, panel * mr, depth0, depth);
                continue;
            }

            if ((panel * mr) + mr <= _m)
            {
                PackFullRowPanel(packed, panel * mr, depth0, depth);
                continue;
            }

            for (int r = 0; r < mr; r++)
            {
                int row = (panel * mr) + r;
                ReadOnlySpan<float> source = row < _m ? _a.AsSpan((row * _k) + depth0, depth) : default;
                for (int p = 0; p < depth; p++)
                {
                    packed[(p * mr) + r] = row < _m ? source[p] : 0f;
                }
            }
        }
    }

    /// <summary>
    /// Packs a row panel of a transposed A (stored k × m): at each depth step the panel's rows are adjacent in the stored
    /// matrix, so each step copies MR contiguous values (zeros past row m), a whole 256-bit vector when MR is 8.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackTransposedRowPanel(Span<float> packed, int row0, int depth0, int depth)
    {
        int mr = _mr;
        int rows = Math.Min(mr, _m - row0);
        ref float target = ref packed[0];
        if (rows == Vector256<float>.Count)
        {
            for (int p = 0; p < depth; p++)
            {
                Vector256.LoadUnsafe(ref _a[((depth0 + p) * _m) + row0]).StoreUnsafe(ref target, (nuint)(p * mr));
            }

            return;
        }

        for (int p = 0; p < depth; p++)
        {
            ref float source = ref _a[((depth0 + p) * _m) + row0];
            ref float step = ref Unsafe.Add(ref target, p * mr);
            for (int r = 0; r < mr; r++)
            {
                Unsafe.Add(ref step, r) = r < rows ? Unsafe.Add(ref source, r) : 0f;
            }
        }
    }

    /// <summary>Copies <paramref name="count"/> floats (a whole number of vectors) without a call per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyVectors(ref float source, ref float target, int count)
    {
        for (int i = 0; i < count; i += Vector<float>.Count)
        {
            Vector.LoadUnsafe(ref source, (nuint)i).StoreUnsafe(ref target, (nuint)i);
        }
    }

    /// <summary>Packs MR whole rows of a row-major A, depth step by depth step, so each step writes MR adjacent values.</summary>
    /// <remarks>
    /// Blocks of 8 depth steps go through <see cref="Transpose8x8"/> with a target stride of MR. With MR = 6, and only
    /// where two more rows exist below the panel, step q's eight values end with two that belong to step q + 1, which the
    /// next store (in ascending order) overwrites; such a block is used only when more steps follow it, so the last two
    /// spill into a step that is written afterwards, never past the panel.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackFullRowPanel(Span<float> packed, int row0, int depth0, int depth)
    {
        int mr = _mr;
        ref float a0 = ref _a[(row0 * _k) + depth0];
        ref float target = ref packed[0];
        int p = 0;
        if (Avx.IsSupported && row0 + 8 <= _m)
        {
            int spill = 8 - mr;    // values a block writes past its eighth step: a block needs that many more steps after it
            for (; p + 8 + spill <= depth; p += 8)
            {
                Transpose8x8(ref Unsafe.Add(ref a0, p), _k, ref Unsafe.Add(ref target, p * mr), mr);
            }
        }

        for (; p < depth; p++)
        {
            ref float step = ref Unsafe.Add(ref target, p * mr);
            ref float column = ref Unsafe.Add(ref a0, p);
            for (int r = 0; r < mr; r++)
            {
                Unsafe.Add(ref step, r) = Unsafe.Add(ref column, r * _k);
            }
        }
    }
}
