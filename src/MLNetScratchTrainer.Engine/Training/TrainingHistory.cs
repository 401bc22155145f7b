namespace MLNetScratchTrainer.Engine.Training;

/// <summary>Per-epoch record of a training run and how it ended.</summary>
public sealed class TrainingHistory
{
    /// <summary>Creates a history.</summary>
    public TrainingHistory(IReadOnlyList<EpochRecord> epochs, StopReason stopReason, int bestEpoch, string metricName)
    {
        Epochs = epochs;
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

    /// <summary>Name of <see cref="EpochRecord.ValidationMetric"/>: "accuracy" or "R2".</summary>
    public string MetricName { get; }

    /// <summary>An empty history (a model that was never trained here).</summary>
    public static TrainingHistory Empty { get; } = new([], StopReason.Completed, 0, string.Empty);
}
