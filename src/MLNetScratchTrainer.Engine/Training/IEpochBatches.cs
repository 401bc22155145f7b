namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// Where a training run's mini-batches come from: the rows of an in-memory data set (<see cref="DatasetBatches"/>) or
/// rows streamed from a row source through a shuffle buffer (<see cref="Streaming.StreamedBatches"/>).
/// </summary>
internal interface IEpochBatches : IDisposable
{
    /// <summary>Training rows per epoch.</summary>
    int Rows { get; }

    /// <summary>Starts an epoch: the next batch is its first.</summary>
    void StartEpoch();

    /// <summary>Gathers the next batch of the epoch into <paramref name="batch"/> (up to its capacity) and returns its row count.</summary>
    int NextBatch(BatchBuffer batch);
}
