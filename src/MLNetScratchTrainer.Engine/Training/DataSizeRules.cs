namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// The defaults that depend on the data: used when <see cref="MlpTrainerOptions.BatchSize"/> or
/// <see cref="MlpTrainerOptions.NumberOfEpochs"/> is null, from the number of training rows n (after the validation split).
/// <list type="bullet">
/// <item>Batch size n / 32, within [32, 256]: about 32 steps per epoch on small sets, and full-width matrix products on large ones.</item>
/// <item>Epochs 1,000,000 / n, within [10, 200]: small sets get the steps they need, and from 5,000 rows on the total
/// work, about a million row passes, no longer grows with the rows, so fit time grows linearly with rows × features.</item>
/// <item>Early-stopping patience 20 epochs, and 10 (scikit-learn's <c>n_iter_no_change</c>) from 5,000 rows on: there the
/// validation split holds 500 rows or more and its metric is steady, and the best epoch of a noisy set comes within the
/// first few, so half the patience halves the epochs spent after it; on fewer rows a patience of 10 stopped some runs
/// too early.</item>
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

    /// <summary>The default early-stopping patience below <see cref="ShortPatienceRows"/> training rows.</summary>
    public const int Patience = 20;

    /// <summary>The default early-stopping patience from <see cref="ShortPatienceRows"/> training rows on.</summary>
    public const int ShortPatience = 10;

    /// <summary>The training rows from which the default early-stopping patience is <see cref="ShortPatience"/>.</summary>
    public const int ShortPatienceRows = 5_000;

    /// <summary>The default batch size for <paramref name="trainingRows"/> rows.</summary>
    public static int BatchSize(int trainingRows) => Math.Clamp(trainingRows / StepsPerEpoch, SmallestBatch, LargestBatch);

    /// <summary>The default number of epochs for <paramref name="trainingRows"/> rows.</summary>
    public static int NumberOfEpochs(int trainingRows) => (int)Math.Clamp(RowPasses / Math.Max(1, trainingRows), FewestEpochs, MostEpochs);

    /// <summary>The default early-stopping patience for <paramref name="trainingRows"/> rows.</summary>
    public static int EarlyStoppingPatience(int trainingRows) => trainingRows >= ShortPatienceRows ? ShortPatience : Patience;
}
