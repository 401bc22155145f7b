using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>
/// A row source over plain arrays that checks nothing, so that tests can stream values a <see cref="Dataset"/> would
/// refuse (NaN labels, infinite features, negative weights), and can shrink after its first pass.
/// </summary>
internal sealed class ArrayRowSource(float[] features, int featureCount, float[] labels, float[]? weights = null) : IRowSource
{
    private readonly float[] _features = features;
    private readonly float[] _labels = labels;
    private readonly float[]? _weights = weights;
    private int _passes;

    /// <summary>Rows the passes after the first yield; null yields every row.</summary>
    public int? LaterPassRows { get; init; }

    public int FeatureCount => featureCount;

    public int LabelWidth => _labels.Length / (_features.Length / featureCount);

    public bool HasWeights => _weights is not null;

    public IRowReader OpenPass() => new Reader(this, _passes++ == 0 ? _labels.Length / LabelWidth : LaterPassRows ?? _labels.Length / LabelWidth);

    private sealed class Reader(ArrayRowSource source, int rows) : IRowReader
    {
        private int _next;

        public int Read(RowChunk chunk)
        {
            int count = Math.Min(chunk.Capacity, rows - _next);
            for (int i = 0; i < count; i++, _next++)
            {
                source._features.AsSpan(_next * source.FeatureCount, source.FeatureCount).CopyTo(chunk.FeatureRow(i));
                source._labels.AsSpan(_next * source.LabelWidth, source.LabelWidth).CopyTo(chunk.LabelRow(i));
                chunk.SetWeight(i, source._weights?[_next] ?? 1f);
            }

            return count;
        }

        public void Dispose()
        {
        }
    }
}
