namespace MLNetScratchTrainer.Engine.Data;

/// <summary>
/// A fixed number of row slots, each holding one row's features, labels and weight, in row-major arrays allocated
/// once: an <see cref="IRowReader"/> fills it, and the streaming trainer also keeps its shuffle buffer in one.
/// </summary>
public sealed class RowChunk
{
    private readonly float[] _features;
    private readonly float[] _labels;
    private readonly float[]? _weights;

    /// <summary>Allocates <paramref name="capacity"/> slots.</summary>
    /// <param name="capacity">Rows the chunk holds.</param>
    /// <param name="featureCount">Features per row.</param>
    /// <param name="labelWidth">Label values per row.</param>
    /// <param name="hasWeights">Whether rows carry a weight.</param>
    public RowChunk(int capacity, int featureCount, int labelWidth, bool hasWeights)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(labelWidth);
        _features = new float[(long)capacity * featureCount];
        _labels = new float[(long)capacity * labelWidth];
        _weights = hasWeights ? new float[capacity] : null;
        Capacity = capacity;
        FeatureCount = featureCount;
        LabelWidth = labelWidth;
    }

    /// <summary>Rows the chunk holds.</summary>
    public int Capacity { get; }

    /// <summary>Features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>Label values per row.</summary>
    public int LabelWidth { get; }

    /// <summary>Whether rows carry a weight.</summary>
    public bool HasWeights => _weights is not null;

    /// <summary>The features of slot <paramref name="slot"/>.</summary>
    public Span<float> FeatureRow(int slot) => _features.AsSpan(slot * FeatureCount, FeatureCount);

    /// <summary>The labels of slot <paramref name="slot"/>.</summary>
    public Span<float> LabelRow(int slot) => _labels.AsSpan(slot * LabelWidth, LabelWidth);

    /// <summary>The weight of slot <paramref name="slot"/>, 1 when rows carry none.</summary>
    public float Weight(int slot) => _weights?[slot] ?? 1f;

    /// <summary>Sets the weight of slot <paramref name="slot"/> (ignored when rows carry none).</summary>
    public void SetWeight(int slot, float weight)
    {
        if (_weights is not null)
        {
            _weights[slot] = weight;
        }
    }

    /// <summary>The features of the first <paramref name="rows"/> slots, row-major.</summary>
    internal ReadOnlySpan<float> FeatureRows(int rows) => _features.AsSpan(0, rows * FeatureCount);

    /// <summary>The labels of the first <paramref name="rows"/> slots, row-major.</summary>
    internal ReadOnlySpan<float> LabelRows(int rows) => _labels.AsSpan(0, rows * LabelWidth);

    /// <summary>Copies slot <paramref name="from"/> of <paramref name="source"/> into slot <paramref name="to"/> of this chunk.</summary>
    public void CopyRow(RowChunk source, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.FeatureRow(from).CopyTo(FeatureRow(to));
        source.LabelRow(from).CopyTo(LabelRow(to));
        SetWeight(to, source.Weight(from));
    }
}
