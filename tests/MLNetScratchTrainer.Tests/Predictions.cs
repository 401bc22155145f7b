using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Tests;

/// <summary>A multiclass prediction after MapKeyToValue: class probabilities and the original label value.</summary>
public sealed class MulticlassPrediction
{
    public float[] Score { get; set; } = [];

    public float PredictedLabel { get; set; }
}

/// <summary>A binary prediction: margin, probability and label.</summary>
public sealed class BinaryPrediction
{
    public float Score { get; set; }

    public float Probability { get; set; }

    public bool PredictedLabel { get; set; }
}

/// <summary>A regression prediction.</summary>
public sealed class RegressionPrediction
{
    public float Score { get; set; }
}

/// <summary>An input row with the features as one vector (its size is set by a schema definition) and the target.</summary>
public sealed class VectorRow<TTarget>
{
    public float[] RawFeatures { get; set; } = [];

    [ColumnName("target")]
    public TTarget Target { get; set; } = default!;
}
