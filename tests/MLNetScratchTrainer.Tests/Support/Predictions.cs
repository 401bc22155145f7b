using System.Globalization;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Tests.Support;

/// <summary>A multiclass prediction after MapKeyToValue: class probabilities and the original label value.</summary>
public sealed class MulticlassPrediction
{
    public float[] Score { get; set; } = [];

    public float PredictedLabel { get; set; }

    public override string ToString() => $"{string.Join(" ", Score.Select(Text.Of))} -> {Text.Of(PredictedLabel)}";
}

/// <summary>A binary prediction: margin, probability and label.</summary>
public sealed class BinaryPrediction
{
    public float Score { get; set; }

    public float Probability { get; set; }

    public bool PredictedLabel { get; set; }

    public override string ToString() => $"{Text.Of(Score)} {Text.Of(Probability)} -> {PredictedLabel}";
}

/// <summary>A regression prediction.</summary>
public sealed class RegressionPrediction
{
    public float Score { get; set; }

    public override string ToString() => Text.Of(Score);
}

/// <summary>An input row with the features as one vector (its size is set by a schema definition) and the target.</summary>
public sealed class VectorRow<TTarget>
{
    public float[] RawFeatures { get; set; } = [];

    [ColumnName("target")]
    public TTarget Target { get; set; } = default!;
}

/// <summary>Round-trip formatting, so that equal text means bit-identical predictions.</summary>
internal static class Text
{
    public static string Of(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
