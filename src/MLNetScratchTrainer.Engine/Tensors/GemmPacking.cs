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
    /// Packs the NR columns of B panel <paramref name="panel"/>, depth block by depth block: for each depth step p, the
    /// panel's NR values of row p of op(B) side by side (zeros past column n).
    /// </summary>
    private void PackBPanel(int panel)
    {
        int column0 = panel * _nr;
        int width = Math.Min(_nr, _n - column0);
        int depthBlock = DepthBlock(_k);
        for (int depth0 = 0; depth0 < _k; depth0 += depthBlock)
        {
            int depth = Math.Min(depthBlock, _k - depth0);
            Span<float> target = _packedB.AsSpan((depth0 * _paddedN) + (panel * depth * _nr), depth * _nr);
            for (int p = 0; p < depth; p++)
            {
                Span<float> row = target.Slice(p * _nr, _nr);
                if (_transposeB)
                {
                    for (int j = 0; j < width; j++)
                    {
                        row[j] = _b[((column0 + j) * _k) + depth0 + p];
                    }
                }
                else if (width == _nr)
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
            if (!_transposeA && (panel * mr) + mr <= _m)
            {
                PackFullRowPanel(packed, panel * mr, depth0, depth);
                continue;
            }

            for (int r = 0; r < mr; r++)
            {
                int row = (panel * mr) + r;
                if (row >= _m)
                {
                    for (int p = 0; p < depth; p++)
                    {
                        packed[(p * mr) + r] = 0f;
                    }
                }
                else if (_transposeA)
                {
                    for (int p = 0; p < depth; p++)
                    {
                        packed[(p * mr) + r] = _a[((depth0 + p) * _m) + row];
                    }
                }
                else
                {
                    ReadOnlySpan<float> source = _a.AsSpan((row * _k) + depth0, depth);
                    for (int p = 0; p < depth; p++)
                    {
                        packed[(p * mr) + r] = source[p];
                    }
                }
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
