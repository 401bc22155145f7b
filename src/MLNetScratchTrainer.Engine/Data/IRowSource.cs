namespace MLNetScratchTrainer.Engine.Data;

/// <summary>
/// Dense training rows that may not fit in memory: read front to back, a chunk at a time, once per pass (training makes
/// one pass to look at the data and one per epoch). Every pass must yield the same rows in the same order; the position of
/// a row in a pass is its row index, which decides, for example, whether it is held out for validation.
/// </summary>
/// <remarks>
/// A source may check its rows itself (the ML.NET plugin's does, with messages naming the column); the trainer checks
/// them again as it reads the first pass (features finite or NaN, labels finite and valid for the task, weights finite
/// and not negative), with messages naming the row.
/// </remarks>
public interface IRowSource
{
    /// <summary>Features per row.</summary>
    int FeatureCount { get; }

    /// <summary>Label values per row (1 for classification).</summary>
    int LabelWidth { get; }

    /// <summary>Whether rows carry a weight; without one every row weighs 1.</summary>
    bool HasWeights { get; }

    /// <summary>Starts a pass over the rows, from the first.</summary>
    IRowReader OpenPass();
}
