using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MLNetScratchTrainer.Engine.Parallelism;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// Single-precision matrix multiply, C (+)= op(A) · op(B), on row-major arrays.
/// </summary>
/// <remarks>
/// The classic packed, cache-blocked design: B is copied once per call into panels of NR columns
/// (so the micro-kernel reads it contiguously), A into panels of MR rows per block of rows, and an
/// MR × NR register tile is accumulated by <see cref="MicroKernel"/>. Transposes are absorbed by the
/// packing, never materialised. Work is split over threads by tiles of C; every element of C is
/// computed by the same sequence of operations whatever the split, so results are bit-identical
/// for any number of threads. One instance reuses its buffers: steady-state calls allocate nothing.
/// An instance is not thread-safe; use one per thread of control.
/// <code>
/// Multiply(A, B, C; m, n, k)                                        this file
///  ├─ reference instance (CreateReference) → ReferenceGemm          three plain loops
///  ├─ m ≤ 4 rows, no transposes → MultiplyFewRows → RowKernel        no packing (one-row inference)
///  ├─ n &lt; m and n &lt; NR columns → MultiplyTransposed                 Cᵀ = op(B)ᵀ·op(A)ᵀ by the paths here, then
///  │                                                                 transposed back (an output layer and its weight gradient)
///  └─ otherwise two phases, each split over the worker threads:
///     ├─ 1. packing (GemmPacking.cs): PackBPanel per NR-column panel of op(B), per depth block of ≤ 256
///     │     (skipped when m ≤ 128, one block of rows: phase 2 then packs each B panel just before using it,
///     │     or, for an untransposed B, reads its whole panels in place)
///     └─ 2. compute (GemmCompute.cs): per depth block, per block of 128 rows of op(A) (row panels of MR):
///           PackAPanels, then MicroKernel per MR × NR tile of C (edge tiles via a scratch tile); in the last depth
///           block each finished block of rows of a thread's tiles goes to the epilogue, if any
/// </code>
/// NR is two vectors: 32 floats with AVX-512, 16 with AVX2, 8 with 128-bit vectors; MR is 8 with AVX-512, 6 otherwise.
/// </remarks>
public sealed partial class Gemm : IParallelWork
{
    private const int MaxDepthBlock = 256;
    // Rows of op(A) packed at a time (16 panels of 8 rows, or 22 of 6): a batch of up to 128 rows is one block, so its
    // products take the path that packs no copy of all of B (at batch 128, two threads, MNIST's eight products took
    // 356–412 µs instead of 487–514 with blocks of 120 rows, the forward product of its first layer 151–168 instead of
    // 228–252).
    private const int RowsPerBlock = 128;
    // Products under about two million multiply-adds (a 32-row batch through a 256 × 128 layer has one million) take
    // about ten microseconds on one thread: handing half to a worker saves little more than the hand-off costs, and on a
    // busy machine, where the worker may hold its part while it waits for a core, costs far more. They stay on the calling
    // thread; a 32-row batch through a 256 × 256 layer (two million) is split.
    private const long ParallelThreshold = 1L << 21;
    // A product with a costly epilogue is split from this many elements of C whatever its depth: the epilogue's own work (an
    // optimizer step on a block of the weight gradient, a few times a multiply-add per element) is then shared too.
    private const long EpilogueParallelThreshold = 1L << 15;
    private const int SmallRowCount = 4;

    private readonly WorkerPool? _pool;
    private readonly long _parallelThreshold;
    private readonly bool _reference;
    private readonly int _vectorWidth;
    private readonly int _nr;
    private readonly int _mr;
    private readonly int _rowPanelsPerBlock;
    private readonly float[][] _packedA;
    private readonly float[][] _edgeTiles;
    private readonly float[][] _packedBPanel;
    private float[] _packedB = [];
    private float[] _transposedC = [];

    private float[] _a = [], _b = [], _c = [];
    private IGemmEpilogue? _epilogue;
    private bool _transposeA, _transposeB, _accumulate, _packing, _packBPerPanel;
    private int _m, _n, _k, _paddedN;

    /// <summary>Creates a multiplier that uses the widest vectors the CPU accelerates.</summary>
    /// <param name="pool">Threads to split large products over; null runs on the calling thread.</param>
    public Gemm(WorkerPool? pool = null)
        : this(pool, SimdWidths.WidestAccelerated)
    {
    }

    /// <summary>
    /// Creates a multiplier for a given vector width in bits (512, 256 or 128); tests use it to cover every kernel, and
    /// a <paramref name="parallelThreshold"/> of 0 to split every product over the pool.
    /// </summary>
    internal Gemm(WorkerPool? pool, int vectorBits, long parallelThreshold = ParallelThreshold)
    {
        _pool = pool;
        _parallelThreshold = parallelThreshold;
        _vectorWidth = vectorBits switch
        {
            512 or 256 or 128 => vectorBits / 32,
            _ => throw new ArgumentOutOfRangeException(nameof(vectorBits), vectorBits, "Vector width must be 128, 256 or 512 bits."),
        };
        _nr = 2 * _vectorWidth;
        _mr = MicroKernel.RowsFor(_vectorWidth);
        _rowPanelsPerBlock = (RowsPerBlock + _mr - 1) / _mr;
        int threads = pool?.ThreadCount ?? 1;
        _packedA = new float[threads][];
        _edgeTiles = new float[threads][];
        _packedBPanel = new float[threads][];
        for (int t = 0; t < threads; t++)
        {
            _packedA[t] = new float[_rowPanelsPerBlock * _mr * MaxDepthBlock];
            _edgeTiles[t] = new float[_mr * _nr];
            _packedBPanel[t] = new float[MaxDepthBlock * _nr];
        }
    }

    private Gemm(WorkerPool? pool, bool reference)
        : this(pool)
    {
        _reference = reference;
    }

    /// <summary>
    /// A multiplier that runs every product through <see cref="ReferenceGemm"/>, the readable triple loop: build a
    /// network with it to follow (or step through) exactly what the fast kernels compute, many times more slowly.
    /// </summary>
    public static Gemm CreateReference() => new(pool: null, reference: true);

    /// <summary>True for a multiplier made by <see cref="CreateReference"/>.</summary>
    public bool IsReference => _reference;

    /// <summary>Vector width of the kernel in bits.</summary>
    public int VectorBits => _vectorWidth * 32;

    /// <summary>
    /// Computes C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/> is true.
    /// op(A) is m × k and op(B) is k × n; C is m × n. With <paramref name="transposeA"/>, A is stored k × m;
    /// with <paramref name="transposeB"/>, B is stored n × k. An <paramref name="epilogue"/> gets every region of C as
    /// soon as it is final (see <see cref="IGemmEpilogue"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(float[] a, bool transposeA, float[] b, bool transposeB, float[] c, int m, int n, int k, bool accumulate, IGemmEpilogue? epilogue = null)
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

            epilogue?.RegionDone(0, m, 0, n);
            return;
        }

        if (_reference)
        {
            ReferenceGemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate);
            epilogue?.RegionDone(0, m, 0, n);
            return;
        }

        // A single row or column is laid out the same whether or not it is stored transposed.
        transposeA &= m > 1;
        transposeB &= n > 1;
        if (m <= SmallRowCount && !transposeA && !transposeB)
        {
            MultiplyFewRows(a, b, c, m, n, k, accumulate);
            epilogue?.RegionDone(0, m, 0, n);
            return;
        }

        if (n < m && n < _nr)
        {
            MultiplyTransposed(a, transposeA, b, transposeB, c, m, n, k, accumulate);
            epilogue?.RegionDone(0, m, 0, n);
            return;
        }

        (_a, _b, _c, _epilogue) = (a, b, c, epilogue);
        (_transposeA, _transposeB, _accumulate) = (transposeA, transposeB, accumulate);
        (_m, _n, _k) = (m, n, k);
        _paddedN = (n + _nr - 1) / _nr * _nr;
        _packBPerPanel = (m + _mr - 1) / _mr <= _rowPanelsPerBlock;
        bool parallel = _pool is { ThreadCount: > 1 }
            && ((long)m * n * k >= _parallelThreshold || (epilogue is { IsCostly: true } && (long)m * n >= Math.Min(EpilogueParallelThreshold, _parallelThreshold)));
        if (!_packBPerPanel)
        {
            if (_packedB.Length < (long)k * _paddedN)
            {
                _packedB = new float[k * _paddedN];
            }

            _packing = true;
            RunPhase(parallel);    // 1. packing: every panel of op(B), into _packedB
            _packing = false;
        }

        RunPhase(parallel);    // 2. compute: pack blocks of op(A) (and, for a few rows, each panel of op(B)) and run the micro-kernel on C's tiles
        (_a, _b, _c, _epilogue) = ([], [], [], null);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    /// Fewer columns than rows and than one packed tile (the output layer of a classifier or a regressor, and its weight
    /// gradient): every tile of C would be an edge tile, mostly padding (a 128 × 10 × 128 product ran at 36 GFLOP/s, its
    /// weight gradient at 23). Cᵀ = op(B)ᵀ·op(A)ᵀ has those few columns as rows, a panel or two of full-width tiles: it
    /// is computed into a scratch matrix (C transposed into it first when accumulating) and transposed back. Each element
    /// is the same chain of multiply-adds (a·b and b·a round alike), so the bits are those of the direct product.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyTransposed(float[] a, bool transposeA, float[] b, bool transposeB, float[] c, int m, int n, int k, bool accumulate)
    {
        if (_transposedC.Length < m * n)
        {
            _transposedC = new float[m * n];
        }

        float[] cT = _transposedC;
        if (accumulate)
        {
            Transpose(c, cT, m, n);
        }

        Multiply(b, !transposeB, a, !transposeA, cT, n, m, k, accumulate);
        Transpose(cT, c, n, m);
    }

    /// <summary>Writes the <paramref name="rows"/> × <paramref name="columns"/> matrix <paramref name="source"/> transposed into <paramref name="target"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(float[] source, float[] target, int rows, int columns)
    {
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                target[(j * rows) + i] = source[(i * columns) + j];
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
}
