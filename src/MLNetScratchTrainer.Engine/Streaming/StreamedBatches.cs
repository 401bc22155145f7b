using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Streaming;

/// <summary>
/// The mini-batches of a streamed source: every epoch opens a pass, skips the held-out rows, and feeds the training rows
/// through a <see cref="ShuffleBuffer"/>, from which each batch takes its rows. Labels are standardised as they enter the
/// buffer when the targets are. Only the read chunk and the buffer are in memory.
/// </summary>
internal sealed class StreamedBatches : IEpochBatches
{
    private readonly IRowSource _source;
    private readonly RowHoldout _holdout;
    private readonly ShuffleBuffer _buffer;
    private readonly TargetScaling? _targetScaling;
    private readonly RowChunk _chunk;
    private IRowReader? _reader;
    private int _chunkRows;
    private int _chunkNext;
    private long _position;
    private long _delivered;
    private bool _ended;

    /// <summary>Creates the batches of <paramref name="trainRows"/> training rows (the first pass's count).</summary>
    public StreamedBatches(IRowSource source, RowHoldout holdout, int trainRows, ShuffleBuffer buffer, TargetScaling? targetScaling)
    {
        _source = source;
        _holdout = holdout;
        _buffer = buffer;
        _targetScaling = targetScaling;
        _chunk = new RowChunk(StreamingRules.ChunkRows, source.FeatureCount, source.LabelWidth, source.HasWeights);
        Rows = trainRows;
    }

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public void StartEpoch()
    {
        _reader?.Dispose();
        _reader = new PrefetchingReader(_source.OpenPass(), _source);
        (_chunkRows, _chunkNext, _position, _delivered, _ended) = (0, 0, 0, 0, false);
        _buffer.Clear();
    }

    /// <inheritdoc />
    public int NextBatch(BatchBuffer batch)
    {
        while (!_buffer.IsFull && TryNextRow(out int i))
        {
            int slot = _buffer.Add();
            _buffer.Rows.CopyRow(_chunk, i, slot);
            if (_targetScaling is not null)
            {
                var label = _buffer.Rows.LabelRow(slot);
                _targetScaling.Apply(label, label);
            }
        }

        var slots = _buffer.Take(batch.Capacity);
        batch.Gather(_buffer.Rows, slots);
        return slots.Length;
    }

    /// <inheritdoc />
    public void Dispose() => _reader?.Dispose();

    /// <summary>Moves to the next training row of the pass, as row <paramref name="i"/> of the read chunk; false at the end.</summary>
    private bool TryNextRow(out int i)
    {
        while (true)
        {
            if (_chunkNext == _chunkRows)
            {
                if (_ended || !ReadChunk())
                {
                    i = -1;
                    return false;
                }
            }

            i = _chunkNext++;
            if (!_holdout.IsHeld(_position++))
            {
                _delivered++;
                return true;
            }
        }
    }

    private bool ReadChunk()
    {
        (_chunkRows, _chunkNext) = (_reader!.Read(_chunk), 0);
        if (_chunkRows > 0)
        {
            return true;
        }

        _ended = true;
        if (_delivered != Rows)
        {
            throw new InvalidOperationException(
                $"The row source yielded {_delivered} training rows in this pass but {Rows} in the first: every pass must yield the same rows in the same order.");
        }

        return false;
    }
}
