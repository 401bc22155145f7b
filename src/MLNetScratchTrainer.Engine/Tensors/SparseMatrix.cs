namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// A sparse float32 matrix in compressed sparse row (CSR) form: for each row, the column indices of its non-zeros
/// (strictly increasing) and their values. It holds a mini-batch of sparse feature rows, such as the tens of thousands
/// of slots <c>FeaturizeText</c> makes, in memory proportional to the non-zeros; its buffers grow to the largest
/// batch and are then reused, so refilling it allocates nothing.
/// </summary>
public sealed class SparseMatrix
{
    private int[] _rowStarts;
    private int[] _columnIndices;
    private float[] _values;

    /// <summary>Creates an empty matrix (no rows) of <paramref name="columns"/> columns.</summary>
    /// <param name="columns">Number of columns (features).</param>
    /// <param name="rowCapacity">Rows to reserve room for.</param>
    /// <param name="nonZeroCapacity">Non-zeros to reserve room for.</param>
    public SparseMatrix(int columns, int rowCapacity = 0, int nonZeroCapacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCapacity);
        ArgumentOutOfRangeException.ThrowIfNegative(nonZeroCapacity);
        Columns = columns;
        _rowStarts = new int[rowCapacity + 1];
        _columnIndices = new int[nonZeroCapacity];
        _values = new float[nonZeroCapacity];
    }

    /// <summary>Number of rows appended since the last <see cref="Clear"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Number of stored values (explicit zeros included).</summary>
    public int NonZeroCount => _rowStarts[Rows];

    /// <summary>Row r's entries are at positions [RowStarts[r], RowStarts[r + 1]) of <see cref="ColumnIndices"/> and <see cref="Values"/>.</summary>
    public ReadOnlySpan<int> RowStarts => _rowStarts.AsSpan(0, Rows + 1);

    /// <summary>The column of each stored value, row by row.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columnIndices.AsSpan(0, NonZeroCount);

    /// <summary>The stored values, row by row.</summary>
    public ReadOnlySpan<float> Values => _values.AsSpan(0, NonZeroCount);

    /// <summary>A sparse matrix holding the non-zeros of a row-major dense one.</summary>
    public static SparseMatrix FromDense(ReadOnlySpan<float> dense, int rows, int columns)
    {
        if (dense.Length < (long)rows * columns)
        {
            throw new ArgumentException($"A {rows}x{columns} matrix needs {(long)rows * columns} values but the span holds {dense.Length}.", nameof(dense));
        }

        var matrix = new SparseMatrix(columns, rows);
        var indices = new List<int>();
        var values = new List<float>();
        for (int r = 0; r < rows; r++)
        {
            indices.Clear();
            values.Clear();
            for (int c = 0; c < columns; c++)
            {
                float value = dense[(r * columns) + c];
                if (value != 0f)
                {
                    indices.Add(c);
                    values.Add(value);
                }
            }

            matrix.AppendRow(indices.ToArray(), values.ToArray());
        }

        return matrix;
    }

    /// <summary>The column indices of row <paramref name="row"/>'s stored values.</summary>
    public ReadOnlySpan<int> RowIndices(int row) => ColumnIndices[_rowStarts[row].._rowStarts[row + 1]];

    /// <summary>The stored values of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> RowValues(int row) => Values[_rowStarts[row].._rowStarts[row + 1]];

    /// <summary>Removes every row, keeping the buffers.</summary>
    public void Clear() => Rows = 0;

    /// <summary>Appends a copy of row <paramref name="row"/> of <paramref name="source"/>, which must have as many columns.</summary>
    public void AppendRowFrom(SparseMatrix source, int row)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Columns != Columns)
        {
            throw new ArgumentException($"The source has {source.Columns} columns but this matrix has {Columns}.", nameof(source));
        }

        Append(source.RowIndices(row), source.RowValues(row));
    }

    /// <summary>Appends a row given by its stored values and their columns (strictly increasing, each below <see cref="Columns"/>).</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a column index is out of range or out of order.</exception>
    public void AppendRow(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        if (indices.Length != values.Length)
        {
            throw new ArgumentException($"Row {Rows} has {indices.Length} column indices but {values.Length} values.", nameof(values));
        }

        for (int i = 0; i < indices.Length; i++)
        {
            if (indices[i] < 0 || indices[i] >= Columns || (i > 0 && indices[i] <= indices[i - 1]))
            {
                throw new ArgumentException(
                    $"Row {Rows}: column index {indices[i]} at position {i} is out of range or order; expected strictly increasing indices from 0 to {Columns - 1}.",
                    nameof(indices));
            }
        }

        Append(indices, values);
    }

    private void Append(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        int start = NonZeroCount;
        int end = checked(start + indices.Length);
        if (end > _values.Length)
        {
            int capacity = Math.Max(end, 2 * _values.Length);
            Array.Resize(ref _columnIndices, capacity);
            Array.Resize(ref _values, capacity);
        }

        if (Rows + 2 > _rowStarts.Length)
        {
            Array.Resize(ref _rowStarts, Math.Max(Rows + 2, 2 * _rowStarts.Length));
        }

        indices.CopyTo(_columnIndices.AsSpan(start));
        values.CopyTo(_values.AsSpan(start));
        Rows++;
        _rowStarts[Rows] = end;
    }
}
