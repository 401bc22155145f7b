namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// Collects the feature rows of a data view as they are read, writing each row straight into its final place. When the
/// data view knows its row count, the rows go into one array of exactly that size, which becomes the data set's feature
/// array without a copy. Otherwise they go into chunks of about 4 MB and are copied once, at the end, into an array of
/// the right size (so memory peaks at twice the features, never more, and nothing is copied while the rows grow).
/// </summary>
internal sealed class FeatureBuffer
{
    private const int ChunkValues = 1 << 20;

    private readonly int _featureCount;
    private readonly List<float[]> _fullChunks = [];
    private float[] _chunk;
    private int _rowsInChunk;
    private long _rows;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="featureCount">Features per row.</param>
    /// <param name="expectedRows">The data view's row count when it knows it, else null.</param>
    public FeatureBuffer(int featureCount, long? expectedRows)
    {
        _featureCount = featureCount;
        long firstChunkRows = expectedRows is long known && known > 0 && known * featureCount <= Array.MaxLength
            ? known
            : DefaultChunkRows;
        _chunk = new float[firstChunkRows * featureCount];
    }

    /// <summary>Rows committed so far.</summary>
    public long Rows => _rows;

    private int DefaultChunkRows => Math.Max(1, ChunkValues / _featureCount);

    /// <summary>The place of the next row; it becomes part of the data only when <see cref="Commit"/> follows.</summary>
    public Span<float> NextRow()
    {
        if ((_rowsInChunk + 1L) * _featureCount > _chunk.Length)
        {
            _fullChunks.Add(_chunk);
            _chunk = new float[DefaultChunkRows * _featureCount];
            _rowsInChunk = 0;
        }

        return _chunk.AsSpan(_rowsInChunk * _featureCount, _featureCount);
    }

    /// <summary>Keeps the row last handed out by <see cref="NextRow"/>.</summary>
    public void Commit()
    {
        _rowsInChunk++;
        _rows++;
    }

    /// <summary>The committed rows as one row-major array of exactly their size.</summary>
    /// <exception cref="ArgumentException">The features do not fit in one array.</exception>
    public float[] ToArray()
    {
        long values = _rows * _featureCount;
        if (values > Array.MaxLength)
        {
            throw new ArgumentException($"The data has {_rows} rows of {_featureCount} features: {values} values, more than one array can hold ({Array.MaxLength}).");
        }

        int used = _rowsInChunk * _featureCount;
        if (_fullChunks.Count == 0 && used == _chunk.Length)
        {
            return _chunk;
        }

        var all = new float[values];
        int offset = 0;
        foreach (var chunk in _fullChunks)
        {
            chunk.CopyTo(all, offset);
            offset += chunk.Length;
        }

        _chunk.AsSpan(0, used).CopyTo(all.AsSpan(offset));
        return all;
    }
}
