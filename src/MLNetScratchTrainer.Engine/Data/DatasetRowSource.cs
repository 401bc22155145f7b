namespace MLNetScratchTrainer.Engine.Data;

/// <summary>
/// The rows of an in-memory dense <see cref="Dataset"/> as an <see cref="IRowSource"/>: the same data through the streaming
/// trainer, to compare it with the in-memory one, and a model for other sources.
/// </summary>
public sealed class DatasetRowSource : IRowSource
{
    private readonly Dataset _data;

    /// <summary>Wraps <paramref name="data"/>, which must be dense.</summary>
    /// <exception cref="ArgumentException">The data set holds sparse rows.</exception>
    public DatasetRowSource(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.SparseFeatures is not null)
        {
            throw new ArgumentException("A row source reads dense rows; this data set holds sparse ones.", nameof(data));
        }

        _data = data;
    }

    /// <inheritdoc />
    public int FeatureCount => _data.FeatureCount;

    /// <inheritdoc />
    public int LabelWidth => _data.LabelWidth;

    /// <inheritdoc />
    public bool HasWeights => _data.Weights is not null;

    /// <summary>How many passes have been opened, for tests of the streaming trainer.</summary>
    public int PassesOpened { get; private set; }

    /// <inheritdoc />
    public IRowReader OpenPass()
    {
        PassesOpened++;
        return new Reader(_data);
    }

    private sealed class Reader(Dataset data) : IRowReader
    {
        private int _next;

        public int Read(RowChunk chunk)
        {
            int count = Math.Min(chunk.Capacity, data.Count - _next);
            for (int i = 0; i < count; i++, _next++)
            {
                data.FeatureRow(_next).CopyTo(chunk.FeatureRow(i));
                data.LabelRow(_next).CopyTo(chunk.LabelRow(i));
                chunk.SetWeight(i, data.Weights?[_next] ?? 1f);
            }

            return count;
        }

        public void Dispose()
        {
        }
    }
}
