namespace MLNetScratchTrainer.Engine.Randomness;

/// <summary>
/// The independent random streams of a training run, all derived from its one seed (see <see cref="Rng.ForStream"/>),
/// so that, for example, turning dropout on does not change the initial weights or the order of the rows.
/// </summary>
public enum RandomStream
{
    /// <summary>The initial weights.</summary>
    Initialization = 1,

    /// <summary>The dropout masks.</summary>
    Dropout = 2,

    /// <summary>Which training rows are held out for validation.</summary>
    ValidationSplit = 3,

    /// <summary>The order of the training rows in each epoch.</summary>
    Shuffling = 4,

    /// <summary>The rows a streaming run samples to fit the input preprocessing (a reservoir sample).</summary>
    Sampling = 5,
}
