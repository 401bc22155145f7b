using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MLNetScratchTrainer.Engine.Parallelism;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// The two products of a dense layer whose input is a <see cref="SparseMatrix"/> X (batch × k) and whose weights W are
/// dense (k × n): the forward product C = X·W and the weight gradient ∂W = Xᵀ·G. Both cost in proportion to the
/// non-zeros of X times n, never to k: a row of C is the sum of the rows of W its non-zeros select, and only the rows
/// of ∂W whose column of X holds a non-zero (the <em>touched</em> rows) are computed.
/// </summary>
/// <remarks>
/// Each output row is formed by one thread, summing its terms in a fixed order (non-zeros of a row of X in column
/// order for C; rows of the batch in order for ∂W), so results are bit-identical for any number of threads.
/// One instance reuses its buffers (steady-state calls allocate nothing) and is not thread-safe.
/// </remarks>
public sealed class SparseGemm : IParallelWork
{
    // Below about a quarter of a million multiply-adds, waking a worker costs more than it saves.
    private const long ParallelThreshold = 1L << 18;

    private readonly WorkerPool? _pool;
    private int[] _slotOfColumn = [];
    private ulong[] _touchedBits = [];
    private int[] _touched = [];
    private int[] _entryStarts = [];
    private int[] _entryRows = [];
    private float[] _entryValues = [];
    private int _touchedCount;

    private SparseMatrix _x = null!;
    private float[] _right = [], _output = [];
    private int _n;
    private bool _accumulate, _transposed;

    /// <summary>Creates a multiplier.</summary>
    /// <param name="pool">Threads to split large products over; null runs on the calling thread.</param>
    public SparseGemm(WorkerPool? pool = null) => _pool = pool;

    /// <summary>
    /// C = X·W, or C += X·W when <paramref name="accumulate"/> is true. X is <paramref name="x"/> (rows × k), W is k × n
    /// row-major, C is rows × n row-major.
    /// </summary>
    public void Multiply(SparseMatrix x, float[] w, float[] c, int n, bool accumulate)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        RequireLength(w, (long)x.Columns * n, nameof(w));
        RequireLength(c, (long)x.Rows * n, nameof(c));
        (_x, _right, _output, _n, _accumulate, _transposed) = (x, w, c, n, accumulate, false);
        Run((long)x.NonZeroCount * n + ((long)x.Rows * n));
    }

    /// <summary>
    /// The touched rows of ∂W = Xᵀ·G: for every column p of X that holds a stored value in some row, row p of
    /// <paramref name="gradient"/> (k × n) is set to Σ_r X[r, p]·G[r, ·] (added to it when <paramref name="accumulate"/>
    /// is true). Rows of <paramref name="gradient"/> that no stored value touches are not written.
    /// </summary>
    /// <param name="x">X, rows × k.</param>
    /// <param name="g">G, rows × n row-major.</param>
    /// <param name="gradient">∂W, k × n row-major.</param>
    /// <param name="n">Columns of G and ∂W.</param>
    /// <param name="accumulate">Add to the touched rows instead of overwriting them.</param>
    /// <returns>The touched rows, in increasing order; valid until the next call.</returns>
    public ReadOnlySpan<int> MultiplyTransposed(SparseMatrix x, float[] g, float[] gradient, int n, bool accumulate)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        RequireLength(g, (long)x.Rows * n, nameof(g));
        RequireLength(gradient, (long)x.Columns * n, nameof(gradient));
        GroupByColumn(x);
        (_x, _right, _output, _n, _accumulate, _transposed) = (x, g, gradient, n, accumulate, true);
        Run((long)x.NonZeroCount * n + ((long)_touchedCount * n));
        return _touched.AsSpan(0, _touchedCount);
    }

    /// <inheritdoc />
    void IParallelWork.Execute(int part, int partCount)
    {
        if (_transposed)
        {
            var (first, end) = BalancedSplit(_entryStarts, _touchedCount, part, partCount);
            for (int i = first; i < end; i++)
            {
                SumRows(_entryRows.AsSpan(_entryStarts[i], _entryStarts[i + 1] - _entryStarts[i]), _entryValues.AsSpan(_entryStarts[i]), _right, _output.AsSpan(_touched[i] * _n, _n));
            }
        }
        else
        {
            var (first, end) = BalancedSplit(_x.RowStarts, _x.Rows, part, partCount);
            for (int r = first; r < end; r++)
            {
                SumRows(_x.RowIndices(r), _x.RowValues(r), _right, _output.AsSpan(r * _n, _n));
            }
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
    /// Parts of [0, count) whose items hold about equal shares of the entries, item i holding entries
    /// [starts[i], starts[i + 1]); one item more per part counts as one entry, so empty items still spread.
    /// </summary>
    private static (int First, int End) BalancedSplit(ReadOnlySpan<int> starts, int count, int part, int partCount)
        => (Boundary(starts, count, part, partCount), Boundary(starts, count, part + 1, partCount));

    /// <summary>The first item of part <paramref name="part"/>: the first i whose entries plus items before it reach the part's share.</summary>
    private static int Boundary(ReadOnlySpan<int> starts, int count, int part, int partCount)
    {
        if (part == partCount)
        {
            return count;
        }

        long target = ((long)starts[count] + count) * part / partCount;
        int low = 0, high = count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if ((long)starts[middle] + middle < target)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void Run(long work)
    {
        if (_pool is { ThreadCount: > 1 } && work >= ParallelThreshold)
        {
            _pool.Run(this);
        }
        else
        {
            ((IParallelWork)this).Execute(0, 1);
        }

        (_x, _right, _output) = (null!, [], []);
    }

    /// <summary>
    /// target (+)= Σ_i values[i]·right[rows[i], ·], the sum formed from zero in the order of <paramref name="rows"/>.
    /// Four vectors of columns at a time are kept in registers, so each row of <paramref name="right"/> streams through once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SumRows(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, float[] right, Span<float> target)
    {
        int n = _n, w = Vector<float>.Count;
        ref float right0 = ref MemoryMarshal.GetArrayDataReference(right);
        int j = 0;
        for (; j + (4 * w) <= n; j += 4 * w)
        {
            Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, s2 = Vector<float>.Zero, s3 = Vector<float>.Zero;
            for (int i = 0; i < rows.Length; i++)
            {
                var v = new Vector<float>(values[i]);
                ref float row = ref Unsafe.Add(ref right0, ((nint)rows[i] * n) + j);
                s0 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref row), s0);
                s1 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref row, (nuint)w), s1);
                s2 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref row, (nuint)(2 * w)), s2);
                s3 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref row, (nuint)(3 * w)), s3);
            }

            Store(s0, target, j);
            Store(s1, target, j + w);
            Store(s2, target, j + (2 * w));
            Store(s3, target, j + (3 * w));
        }

        for (; j + w <= n; j += w)
        {
            Vector<float> s = Vector<float>.Zero;
            for (int i = 0; i < rows.Length; i++)
            {
                s = Vector.FusedMultiplyAdd(new Vector<float>(values[i]), Vector.LoadUnsafe(ref Unsafe.Add(ref right0, ((nint)rows[i] * n) + j)), s);
            }

            Store(s, target, j);
        }

        for (; j < n; j++)
        {
            float s = 0f;
            for (int i = 0; i < rows.Length; i++)
            {
                s = MathF.FusedMultiplyAdd(values[i], right[((long)rows[i] * n) + j], s);
            }

            target[j] = _accumulate ? target[j] + s : s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store(Vector<float> sum, Span<float> target, int j)
    {
        ref float destination = ref target[j];
        (_accumulate ? Vector.LoadUnsafe(ref destination) + sum : sum).StoreUnsafe(ref destination);
    }

    /// <summary>
    /// Puts the distinct touched columns in increasing order: by a comparison sort when they are few, else by marking
    /// them in a bitmap of the columns and reading it back word by word (a batch of text rows touches thousands of
    /// columns, and a scan of k / 64 words is then far cheaper than the sort).
    /// </summary>
    private void SortTouched(Span<int> touched, int columns)
    {
        int words = (columns + 63) / 64;
        if ((long)touched.Length * 16 < words)
        {
            touched.Sort();
            return;
        }

        foreach (int column in touched)
        {
            _touchedBits[column >> 6] |= 1UL << (column & 63);
        }

        int next = 0;
        for (int word = 0; word < words; word++)
        {
            ulong bits = _touchedBits[word];
            _touchedBits[word] = 0;
            while (bits != 0)
            {
                touched[next++] = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
    }

    /// <summary>
    /// Transposes the stored values of X by column, in time proportional to its non-zeros: the touched columns in
    /// increasing order, and for each the (row, value) pairs that hit it, rows in increasing order.
    /// </summary>
    private void GroupByColumn(SparseMatrix x)
    {
        if (_slotOfColumn.Length < x.Columns)
        {
            _slotOfColumn = new int[x.Columns];
            _slotOfColumn.AsSpan().Fill(-1);
            _touchedBits = new ulong[(x.Columns + 63) / 64];
        }

        int nonZeros = x.NonZeroCount;
        if (_entryRows.Length < nonZeros)
        {
            _entryRows = new int[nonZeros];
            _entryValues = new float[nonZeros];
            _touched = new int[nonZeros];
        }

        if (_entryStarts.Length < nonZeros + 1)
        {
            _entryStarts = new int[nonZeros + 1];
        }

        ReadOnlySpan<int> columns = x.ColumnIndices;
        _touchedCount = 0;
        foreach (int column in columns)
        {
            if (_slotOfColumn[column] < 0)
            {
                _slotOfColumn[column] = 0;
                _touched[_touchedCount++] = column;
            }
        }

        Span<int> touched = _touched.AsSpan(0, _touchedCount);
        SortTouched(touched, x.Columns);
        Span<int> starts = _entryStarts.AsSpan(0, _touchedCount + 1);
        starts.Clear();
        for (int i = 0; i < touched.Length; i++)
        {
            _slotOfColumn[touched[i]] = i;
        }

        foreach (int column in columns)
        {
            starts[_slotOfColumn[column] + 1]++;
        }

        for (int i = 0; i < touched.Length; i++)
        {
            starts[i + 1] += starts[i];
        }

        ReadOnlySpan<int> rowStarts = x.RowStarts;
        ReadOnlySpan<float> values = x.Values;
        for (int r = 0; r < x.Rows; r++)
        {
            for (int e = rowStarts[r]; e < rowStarts[r + 1]; e++)
            {
                int slot = _slotOfColumn[columns[e]];
                int position = starts[slot]++;
                _entryRows[position] = r;
                _entryValues[position] = values[e];
            }
        }

        // The fill above advanced every start to the next one's place: shift back, and forget the columns.
        for (int i = touched.Length; i > 0; i--)
        {
            starts[i] = starts[i - 1];
        }

        starts[0] = 0;
        foreach (int column in touched)
        {
            _slotOfColumn[column] = -1;
        }
    }
}
