namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// A row-major float32 matrix over a reusable buffer. The buffer is sized once for the largest batch;
/// <see cref="Rows"/> may then shrink (the last, partial mini-batch) without reallocating.
/// </summary>
public sealed class Matrix
{
    private float[] _data;

    /// <summary>Creates a zero-filled matrix.</summary>
    public Matrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        _data = new float[checked(rows * columns)];
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Wraps an existing row-major array (no copy).</summary>
    public Matrix(float[] data, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < checked(rows * columns))
        {
            throw new ArgumentException($"A {rows}x{columns} matrix needs {rows * columns} values but the array holds {data.Length}.", nameof(data));
        }

        _data = data;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Number of rows in use.</summary>
    public int Rows { get; private set; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>The underlying buffer; may be longer than <see cref="Rows"/> × <see cref="Columns"/>.</summary>
    public float[] Data => _data;

    /// <summary>The values in use, row-major.</summary>
    public Span<float> Span => _data.AsSpan(0, Rows * Columns);

    /// <summary>Element at (row, column).</summary>
    public ref float this[int row, int column] => ref _data[(row * Columns) + column];

    /// <summary>One row.</summary>
    public Span<float> Row(int row) => _data.AsSpan(row * Columns, Columns);

    /// <summary>
    /// Sets the number of rows in use, growing the buffer only when it is too small
    /// (so steady-state training never allocates).
    /// </summary>
    public void SetRows(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int needed = checked(rows * Columns);
        if (needed > _data.Length)
        {
            _data = new float[needed];
        }

        Rows = rows;
    }

    /// <summary>Returns a matrix with <paramref name="rows"/> rows in use, creating or growing it when needed.</summary>
    public static Matrix Ensure(ref Matrix? matrix, int rows, int columns)
    {
        if (matrix is null || matrix.Columns != columns)
        {
            matrix = new Matrix(rows, columns);
        }
        else
        {
            matrix.SetRows(rows);
        }

        return matrix;
    }
}
