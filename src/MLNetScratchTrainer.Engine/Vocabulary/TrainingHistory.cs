// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>Per-epoch record of a training run and how it ended.</summary>
public sealed class TrainingHistory
{
    /// <summary>The <see cref="MetricName"/> of classification: the weighted fraction of rows classified correctly.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>The <see cref="MetricName"/> of binary classification with <see cref="BinaryValidationMetric.AreaUnderRocCurve"/>.</summary>
    public const string AreaUnderRocCurve = "AUC";

    /// <summary>The <see cref="MetricName"/> of regression: the coefficient of determination.</summary>
    public const string RSquared = "R2";

    /// <summary>Creates a history holding a copy of <paramref name="epochs"/>.</summary>
    public TrainingHistory(IReadOnlyList<EpochRecord> epochs, StopReason stopReason, int bestEpoch, string metricName)
    {
        Epochs = [.. epochs];
        StopReason = stopReason;
        BestEpoch = bestEpoch;
        MetricName = metricName;
    }

    /// <summary>One record per completed epoch, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; }

    /// <summary>Why training ended.</summary>
    public StopReason StopReason { get; }

    /// <summary>1-based epoch whose weights the model holds.</summary>
    public int BestEpoch { get; }

    /// <summary>Name of <see cref="EpochRecord.ValidationMetric"/>: <see cref="Accuracy"/>, <see cref="AreaUnderRocCurve"/> or <see cref="RSquared"/>.</summary>
    public string MetricName { get; }

    /// <summary>An empty history (a model that was never trained here).</summary>
    public static TrainingHistory Empty { get; } = new([], StopReason.Completed, 0, string.Empty);
}
