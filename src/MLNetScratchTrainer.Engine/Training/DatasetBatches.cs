using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// The mini-batches of an in-memory data set: the training rows, reshuffled at the start of every epoch when a
/// shuffler is given (a full Fisher–Yates shuffle), and cut into consecutive batches.
/// </summary>
/// <param name="data">The data set.</param>
/// <param name="labels">Its labels as the network learns them (possibly standardised).</param>
/// <param name="rows">The indices of the training rows; reordered in place.</param>
/// <param name="shuffler">The shuffling stream, or null to keep the order.</param>
internal sealed class DatasetBatches(Dataset data, float[] labels, int[] rows, Rng? shuffler) : IEpochBatches
{
    private int _next;

    /// <inheritdoc />
    public int Rows => rows.Length;

    /// <inheritdoc />
    public void StartEpoch()
    {
        shuffler?.Shuffle(rows);
        _next = 0;
    }

    /// <inheritdoc />
    public int NextBatch(BatchBuffer batch)
    {
        int count = Math.Min(batch.Capacity, rows.Length - _next);
        batch.Gather(data, labels, rows.AsSpan(_next, count));
        _next += count;
        return count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
