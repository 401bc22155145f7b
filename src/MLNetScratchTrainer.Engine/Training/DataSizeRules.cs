namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// The defaults that depend on the data: used when <see cref="MlpTrainerOptions.HiddenLayers"/>,
/// <see cref="MlpTrainerOptions.BatchSize"/> or <see cref="MlpTrainerOptions.NumberOfEpochs"/> is null, from the number
/// of training rows n (after the validation split), the number of features k and whether the rows are sparse.
/// <list type="bullet">
/// <item>Hidden layers for dense rows: three of <see cref="UnitsPerRootFeature"/> · √k units, rounded to a multiple of 8,
/// within [<see cref="SmallestLayer"/>, <see cref="LargestLayer"/>] (k = 9: 96 units; k = 40: 200; from k = 64 on: 256).
/// A row's work in the network is about 2·w² multiply-adds between the hidden layers plus k·w in the first, so with w
/// proportional to √k it grows in proportion to the features, as a tree learner's does: three layers of 256 spent
/// 131,000 multiply-adds per row on 9 features, which made shuttle (58,000 rows) the slowest fit against LightGbm.
/// For sparse rows (a data set made from a <see cref="Tensors.SparseMatrix"/>; the plugin reads feature vectors of 10,000
/// slots or more so), one layer of <see cref="SparseFirstLayerWeights"/> / k units, rounded to a multiple of 8, within
/// [16, 256]: the first layer's k × units weights bound the memory (weights, gradient, two moments and the best epoch's
/// copy) and the per-step work, so they are held at about four million whatever the vocabulary; a wide sparse layer
/// memorises the rows quickly, and more layers only overfit.</item>
/// <item>Batch size n / 32, within [32, 256]: about 32 steps per epoch on small sets, and full-width matrix products on large ones.</item>
/// <item>Epochs <see cref="RowPasses"/> / n, within [10, 200]: small sets (up to 1,250 rows) get the 200 epochs they need,
/// and from there on the total work, about 250,000 row passes (10 epochs from 25,000 rows on), no longer grows with the
/// rows, so fit time grows at most linearly with rows × features. Sparse rows get <see cref="SparseEpochs"/>: each
/// pass moves every first-layer weight whose slot occurs, and the validation metric of such a layer peaks within a few
/// passes.</item>
/// <item>Early-stopping patience 20 epochs, and 5 from 5,000 rows on: there the validation split holds 500 rows or more
/// and its metric is steady, and the best epoch of a noisy set comes within the first few (lending_club's first, telco_churn's
/// 5th to 12th), so the epochs after it are most of the fit; 5 of them gave the same models as 10 on the visible sets of
/// 5,000 rows and more, in a third to a half less time. On fewer rows a patience of 10 already stopped some runs too early.</item>
/// </list>
/// The measurements behind them are in <c>docs/defaults.md</c> (the width and row-pass rules: "Fit time against LightGbm").
/// </summary>
public static class DataSizeRules
{
    /// <summary>The smallest default batch.</summary>
    public const int SmallestBatch = 32;

    /// <summary>The largest default batch.</summary>
    public const int LargestBatch = 256;

    /// <summary>Rows per default batch step: the default batch is n / this.</summary>
    public const int StepsPerEpoch = 32;

    /// <summary>Training rows processed by a default run, summed over its epochs (before early stopping), once the epochs are within [<see cref="FewestEpochs"/>, <see cref="MostEpochs"/>].</summary>
    public const long RowPasses = 250_000;

    /// <summary>The fewest default epochs.</summary>
    public const int FewestEpochs = 10;

    /// <summary>The most default epochs.</summary>
    public const int MostEpochs = 200;

    /// <summary>First-layer weights (features × units) the default hidden layer for sparse rows is sized to.</summary>
    public const int SparseFirstLayerWeights = 1 << 22;

    /// <summary>The fewest units of the default hidden layer for sparse rows.</summary>
    public const int SparseFewestUnits = 16;

    /// <summary>The most units of a default hidden layer, dense or sparse.</summary>
    public const int LargestLayer = 256;

    /// <summary>The fewest units of a default hidden layer for dense rows.</summary>
    public const int SmallestLayer = 64;

    /// <summary>Units of each default hidden layer for dense rows per square root of the feature count.</summary>
    public const int UnitsPerRootFeature = 32;

    /// <summary>Epochs of a default run on sparse rows.</summary>
    public const int SparseEpochs = 5;

    /// <summary>The default hidden layers for rows of <paramref name="featureCount"/> features, dense or <paramref name="sparse"/>.</summary>
    public static int[] HiddenLayers(int featureCount, bool sparse)
    {
        if (sparse)
        {
            return [Math.Clamp(RoundToMultipleOf8(SparseFirstLayerWeights / (double)Math.Max(1, featureCount)), SparseFewestUnits, LargestLayer)];
        }

        int units = Math.Clamp(RoundToMultipleOf8(UnitsPerRootFeature * Math.Sqrt(Math.Max(1, featureCount))), SmallestLayer, LargestLayer);
        return [units, units, units];
    }

    /// <summary>The nearest multiple of 8: rows of whole SIMD vectors, which the sparse products and the row-wise optimizer step handle fastest.</summary>
    private static int RoundToMultipleOf8(double units) => (int)Math.Round(units / 8) * 8;

    /// <summary>The default early-stopping patience below <see cref="ShortPatienceRows"/> training rows.</summary>
    public const int Patience = 20;

    /// <summary>The default early-stopping patience from <see cref="ShortPatienceRows"/> training rows on.</summary>
    public const int ShortPatience = 5;

    /// <summary>The training rows from which the default early-stopping patience is <see cref="ShortPatience"/>.</summary>
    public const int ShortPatienceRows = 5_000;

    /// <summary>The default batch size for <paramref name="trainingRows"/> rows.</summary>
    public static int BatchSize(int trainingRows) => Math.Clamp(trainingRows / StepsPerEpoch, SmallestBatch, LargestBatch);

    /// <summary>The default number of epochs for <paramref name="trainingRows"/> rows.</summary>
    /// <param name="trainingRows">Training rows after the validation split.</param>
    /// <param name="sparse">Whether the rows are sparse.</param>
    public static int NumberOfEpochs(int trainingRows, bool sparse = false) => sparse
        ? SparseEpochs
        : (int)Math.Clamp(RowPasses / Math.Max(1, trainingRows), FewestEpochs, MostEpochs);

    /// <summary>The default early-stopping patience for <paramref name="trainingRows"/> rows.</summary>
    public static int EarlyStoppingPatience(int trainingRows) => trainingRows >= ShortPatienceRows ? ShortPatience : Patience;
}
