using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Streaming;

/// <summary>
/// A bounded shuffle buffer: rows arrive in file order and leave in random order. The buffer is filled to capacity;
/// each batch takes rows from uniformly random occupied slots, and their slots are refilled from the stream before the
/// next batch; once the stream ends the rest drain in random order. Every row leaves exactly once per epoch. When the
/// buffer holds the whole data set this is a uniform random permutation, like the in-memory shuffle; when it is smaller,
/// a row leaves on average about a buffer's length after it arrived, so rows far apart in the file are not mixed (see
/// docs/performance.md for the measured effect on accuracy). Without a generator rows leave in arrival order.
/// </summary>
internal sealed class ShuffleBuffer
{
    /// <summary>Slots: <c>_order[.._live]</c> hold rows, <c>_order[_live..]</c> are free (the slots taken last come first).</summary>
    private readonly int[] _order;
    private readonly int[] _taken;
    private readonly Rng? _rng;
    private int _live;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="capacity">Rows the buffer holds.</param>
    /// <param name="largestTake">The most rows one <see cref="Take"/> returns.</param>
    /// <param name="featureCount">Features per row.</param>
    /// <param name="labelWidth">Label values per row.</param>
    /// <param name="hasWeights">Whether rows carry a weight.</param>
    /// <param name="rng">The shuffling stream, or null to keep the arrival order (then <paramref name="capacity"/> should be the batch size).</param>
    public ShuffleBuffer(int capacity, int largestTake, int featureCount, int labelWidth, bool hasWeights, Rng? rng)
    {
        Rows = new RowChunk(capacity, featureCount, labelWidth, hasWeights);
        _order = [.. Enumerable.Range(0, capacity)];
        _taken = new int[largestTake];
        _rng = rng;
    }

    /// <summary>The slots' rows.</summary>
    public RowChunk Rows { get; }

    /// <summary>Rows in the buffer.</summary>
    public int Count => _live;

    /// <summary>Whether every slot holds a row.</summary>
    public bool IsFull => _live == _order.Length;

    /// <summary>Empties the buffer.</summary>
    public void Clear() => _live = 0;

    /// <summary>Occupies a free slot and returns it, for the caller to write the arriving row into.</summary>
    /// <exception cref="InvalidOperationException">The buffer is full.</exception>
    public int Add() => IsFull ? throw new InvalidOperationException("The shuffle buffer is full.") : _order[_live++];

    /// <summary>
    /// Takes up to <paramref name="count"/> rows: random ones, or the oldest without a generator. Their slots stay
    /// readable until the next <see cref="Add"/>.
    /// </summary>
    public ReadOnlySpan<int> Take(int count)
    {
        count = Math.Min(Math.Min(count, _live), _taken.Length);
        if (_rng is null)
        {
            _order.AsSpan(0, count).CopyTo(_taken);
            _order.AsSpan(count, _live - count).CopyTo(_order);
            _taken.AsSpan(0, count).CopyTo(_order.AsSpan(_live - count));
            _live -= count;
            return _taken.AsSpan(0, count);
        }

        for (int k = 0; k < count; k++)
        {
            int pick = _rng.NextInt(_live);
            int slot = _order[pick];
            _order[pick] = _order[_live - 1];
            _order[_live - 1] = slot;
            _live--;
            _taken[k] = slot;
        }

        return _taken.AsSpan(0, count);
    }
}
