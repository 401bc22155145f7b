namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// The defaults that depend on the data: used when <see cref="MlpTrainerOptions.BatchSize"/> or
/// <see cref="MlpTrainerOptions.NumberOfEpochs"/> is null, from the number of training rows n (after the validation split).
/// <list type="bullet">
/// <item>Batch size n / 32, within [32, 256]: about 32 steps per epoch on small sets, and full-width matrix products on large ones.</item>
/// <item>Epochs 1,000,000 / n, within [10, 200]: small sets get the steps they need, and from 5,000 rows on the total
/// work, about a million row passes, no longer grows with the rows, so fit time grows linearly with rows × features.</item>
/// </list>
/// The measurements behind them are in <c>docs/defaults.md</c>.
/// </summary>
public static class DataSizeRules
{
    /// <summary>The smallest default batch.</summary>
    public const int SmallestBatch = 32;

    /// <summary>The largest default batch.</summary>
    public const int LargestBatch = 256;

    /// <summary>Rows per default batch step: the default batch is n / this.</summary>
    public const int StepsPerEpoch = 32;

    /// <summary>Training rows processed by a default run, summed over its epochs (before early stopping).</summary>
    public const long RowPasses = 1_000_000;

    /// <summary>The fewest default epochs.</summary>
    public const int FewestEpochs = 10;

    /// <summary>The most default epochs.</summary>
    public const int MostEpochs = 200;

    /// <summary>The default batch size for <paramref name="trainingRows"/> rows.</summary>
    public static int BatchSize(int trainingRows) => Math.Clamp(trainingRows / StepsPerEpoch, SmallestBatch, LargestBatch);

    /// <summary>The default number of epochs for <paramref name="trainingRows"/> rows.</summary>
    public static int NumberOfEpochs(int trainingRows) => (int)Math.Clamp(RowPasses / Math.Max(1, trainingRows), FewestEpochs, MostEpochs);
}
