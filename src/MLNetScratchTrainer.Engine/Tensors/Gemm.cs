using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MLNetScratchTrainer.Engine.Parallelism;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// Single-precision matrix multiply, C (+)= op(A) · op(B), on row-major arrays.
/// </summary>
/// <remarks>
/// The classic packed, cache-blocked design: B is copied once per call into panels of NR columns
/// (so the micro-kernel reads it contiguously), A into panels of 6 rows per block of rows, and a
/// 6 × NR register tile is accumulated by <see cref="MicroKernel"/>. Transposes are absorbed by the
/// packing, never materialised. Work is split over threads by tiles of C; every element of C is
/// computed by the same sequence of operations whatever the split, so results are bit-identical
/// for any number of threads. One instance reuses its buffers: steady-state calls allocate nothing.
/// An instance is not thread-safe; use one per thread of control.
/// </remarks>
public sealed class Gemm : IParallelWork
{
    private const int MaxDepthBlock = 256;
    private const int RowPanelsPerBlock = 20;
    // Products under about a million multiply-adds (such as a 32-row batch through 64 units) take tens of microseconds
    // on one thread: waking a worker costs as much, and on a busy machine far more, so they stay on the calling thread.
    private const long ParallelThreshold = 1L << 20;
    private const int SmallRowCount = 4;

    private readonly WorkerPool? _pool;
    private readonly int _vectorWidth;
    private readonly int _nr;
    private readonly float[][] _packedA;
    private readonly float[][] _edgeTiles;
    private float[] _packedB = [];

    private float[] _a = [], _b = [], _c = [];
    private bool _transposeA, _transposeB, _accumulate, _packing;
    private int _m, _n, _k, _paddedN;

    /// <summary>Creates a multiplier that uses the widest vectors the CPU accelerates.</summary>
    /// <param name="pool">Threads to split large products over; null runs on the calling thread.</param>
    public Gemm(WorkerPool? pool = null)
        : this(pool, Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128)
    {
    }

    /// <summary>Creates a multiplier for a given vector width in bits (512, 256 or 128); tests use it to cover every kernel.</summary>
    internal Gemm(WorkerPool? pool, int vectorBits)
    {
        _pool = pool;
        _vectorWidth = vectorBits switch
        {
            512 or 256 or 128 => vectorBits / 32,
            _ => throw new ArgumentOutOfRangeException(nameof(vectorBits), vectorBits, "Vector width must be 128, 256 or 512 bits."),
        };
        _nr = 2 * _vectorWidth;
        int threads = pool?.ThreadCount ?? 1;
        _packedA = new float[threads][];
        _edgeTiles = new float[threads][];
        for (int t = 0; t < threads; t++)
        {
            _packedA[t] = new float[RowPanelsPerBlock * MicroKernel.Rows * MaxDepthBlock];
            _edgeTiles[t] = new float[MicroKernel.Rows * _nr];
        }
    }

    /// <summary>Vector width of the kernel in bits.</summary>
    public int VectorBits => _vectorWidth * 32;

    /// <summary>
    /// Computes C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/> is true.
    /// op(A) is m × k and op(B) is k × n; C is m × n. With <paramref name="transposeA"/>, A is stored k × m;
    /// with <paramref name="transposeB"/>, B is stored n × k.
    /// </summary>
    public void Multiply(float[] a, bool transposeA, float[] b, bool transposeB, float[] c, int m, int n, int k, bool accumulate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        RequireLength(a, (long)m * k, nameof(a));
        RequireLength(b, (long)k * n, nameof(b));
        RequireLength(c, (long)m * n, nameof(c));
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            if (!accumulate)
            {
                c.AsSpan(0, m * n).Clear();
            }

            return;
        }

        if (m <= SmallRowCount && !transposeA && !transposeB)
        {
            MultiplyFewRows(a, b, c, m, n, k, accumulate);
            return;
        }

        (_a, _b, _c) = (a, b, c);
        (_transposeA, _transposeB, _accumulate) = (transposeA, transposeB, accumulate);
        (_m, _n, _k) = (m, n, k);
        _paddedN = (n + _nr - 1) / _nr * _nr;
        if (_packedB.Length < (long)k * _paddedN)
        {
            _packedB = new float[k * _paddedN];
        }

        bool parallel = _pool is { ThreadCount: > 1 } && (long)m * n * k >= ParallelThreshold;
        _packing = true;
        RunPhase(parallel);
        _packing = false;
        RunPhase(parallel);
        (_a, _b, _c) = ([], [], []);
    }

    /// <inheritdoc />
    void IParallelWork.Execute(int part, int partCount)
    {
        if (_packing)
        {
            var (first, end) = Split(_paddedN / _nr, part, partCount);
            for (int panel = first; panel < end; panel++)
            {
                PackBPanel(panel);
            }

            return;
        }

        switch (_vectorWidth)
        {
            case 16:
                Compute<Simd512, Vector512<float>>(part, partCount);
                break;
            case 8:
                Compute<Simd256, Vector256<float>>(part, partCount);
                break;
            default:
                Compute<Simd128, Vector128<float>>(part, partCount);
                break;
        }
    }

    private static void RequireLength(float[] array, long needed, string name)
    {
        ArgumentNullException.ThrowIfNull(array, name);
        if (array.Length < needed)
        {
            throw new ArgumentException($"Matrix '{name}' needs {needed} values but its array holds {array.Length}.", name);
        }
    }

    /// <summary>
    /// A few rows (single-row inference): packing B would cost more than the product, so each row of C is
    /// built directly by <see cref="RowKernel"/>, block of depth by block of depth, in the packed kernel's order.
    /// </summary>
    private void MultiplyFewRows(float[] a, float[] b, float[] c, int m, int n, int k, bool accumulate)
    {
        int depthBlock = DepthBlock(k);
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<float> row = a.AsSpan(i * k, k);
            Span<float> target = c.AsSpan(i * n, n);
            for (int depth0 = 0; depth0 < k; depth0 += depthBlock)
            {
                int depthEnd = Math.Min(depth0 + depthBlock, k);
                bool add = accumulate || depth0 > 0;
                switch (_vectorWidth)
                {
                    case 16:
                        RowKernel.Run<Simd512, Vector512<float>>(row, b, target, n, depth0, depthEnd, add);
                        break;
                    case 8:
                        RowKernel.Run<Simd256, Vector256<float>>(row, b, target, n, depth0, depthEnd, add);
                        break;
                    default:
                        RowKernel.Run<Simd128, Vector128<float>>(row, b, target, n, depth0, depthEnd, add);
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Depth of the k blocks: the fewest blocks of at most 256, made equal (784 → 4 × 196 rather than
    /// 3 × 256 + 16, whose thin last block would spend more time loading and storing C than multiplying).
    /// It depends on k alone, so every path and thread count sums in the same order.
    /// </summary>
    private static int DepthBlock(int k)
    {
        int blocks = (k + MaxDepthBlock - 1) / MaxDepthBlock;
        return (k + blocks - 1) / blocks;
    }

    private static (int First, int End) Split(int count, int part, int partCount)
        => ((int)((long)count * part / partCount), (int)((long)count * (part + 1) / partCount));

    private void RunPhase(bool parallel)
    {
        if (parallel)
        {
            _pool!.Run(this);
        }
        else
        {
            ((IParallelWork)this).Execute(0, 1);
        }
    }

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

    private void Compute<TSimd, TVector>(int part, int partCount)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        const int mr = MicroKernel.Rows;
        int rowPanels = (_m + mr - 1) / mr;
        int columnPanels = _paddedN / _nr;
        bool splitRows = rowPanels >= columnPanels;
        var (rowFirst, rowEnd) = splitRows ? Split(rowPanels, part, partCount) : (0, rowPanels);
        var (columnFirst, columnEnd) = splitRows ? (0, columnPanels) : Split(columnPanels, part, partCount);
        float[] packedA = _packedA[part];
        float[] edge = _edgeTiles[part];

        int depthBlock = DepthBlock(_k);
        for (int depth0 = 0; depth0 < _k; depth0 += depthBlock)
        {
            int depth = Math.Min(depthBlock, _k - depth0);
            bool accumulate = _accumulate || depth0 > 0;
            for (int block = rowFirst; block < rowEnd; block += RowPanelsPerBlock)
            {
                int blockEnd = Math.Min(block + RowPanelsPerBlock, rowEnd);
                PackAPanels(packedA, block, blockEnd, depth0, depth);
                for (int columnPanel = columnFirst; columnPanel < columnEnd; columnPanel++)
                {
                    ref float packedB = ref _packedB[(depth0 * _paddedN) + (columnPanel * depth * _nr)];
                    for (int panel = block; panel < blockEnd; panel++)
                    {
                        ref float panelA = ref packedA[(panel - block) * depth * mr];
                        int row0 = panel * mr, column0 = columnPanel * _nr;
                        if (row0 + mr <= _m && column0 + _nr <= _n)
                        {
                            MicroKernel.Run<TSimd, TVector>(depth, ref panelA, ref packedB, ref _c[(row0 * _n) + column0], _n, accumulate);
                        }
                        else
                        {
                            MicroKernel.Run<TSimd, TVector>(depth, ref panelA, ref packedB, ref MemoryMarshal.GetArrayDataReference(edge), _nr, false);
                            WriteEdgeTile(edge, row0, column0, accumulate);
                        }
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteEdgeTile(float[] tile, int row0, int column0, bool accumulate)
    {
        int rows = Math.Min(MicroKernel.Rows, _m - row0);
        int columns = Math.Min(_nr, _n - column0);
        for (int r = 0; r < rows; r++)
        {
            Span<float> target = _c.AsSpan(((row0 + r) * _n) + column0, columns);
            ReadOnlySpan<float> source = tile.AsSpan(r * _nr, columns);
            for (int j = 0; j < columns; j++)
            {
                target[j] = accumulate ? target[j] + source[j] : source[j];
            }
        }
    }
}
