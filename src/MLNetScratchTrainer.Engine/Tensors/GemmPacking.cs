using System.Numerics;
using System.Runtime.CompilerServices;

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
    private void PackTransposedColumns(Span<float> target, int column0, int width, int depth0, int depth)
    {
        ref float packed = ref target[0];
        for (int j = 0; j < width; j++)
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
    /// Packs row panels [<paramref name="firstPanel"/>, <paramref name="endPanel"/>) of op(A) for one depth block: for
    /// each depth step p, the panel's 6 values of column p of op(A) side by side (zeros past row m).
    /// </summary>
    private void PackAPanels(Span<float> target, int firstPanel, int endPanel, int depth0, int depth)
    {
        const int mr = MicroKernel.Rows;
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
    /// matrix, so each step copies up to six contiguous values (zeros past row m).
    /// </summary>
    private void PackTransposedRowPanel(Span<float> packed, int row0, int depth0, int depth)
    {
        const int mr = MicroKernel.Rows;
        int rows = Math.Min(mr, _m - row0);
        ref float target = ref packed[0];
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
    private static void CopyVectors(ref float source, ref float target, int count)
    {
        for (int i = 0; i < count; i += Vector<float>.Count)
        {
            Vector.LoadUnsafe(ref source, (nuint)i).StoreUnsafe(ref target, (nuint)i);
        }
    }

    /// <summary>Packs six whole rows of a row-major A, depth step by depth step, so each step writes six adjacent values.</summary>
    private void PackFullRowPanel(Span<float> packed, int row0, int depth0, int depth)
    {
        const int mr = MicroKernel.Rows;
        ref float a0 = ref _a[(row0 * _k) + depth0];
        ref float target = ref packed[0];
        for (int p = 0; p < depth; p++)
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
