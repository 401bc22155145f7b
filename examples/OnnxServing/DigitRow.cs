using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Examples.OnnxServing;

/// <summary>One 8×8 digit: 64 pixel intensities 0–16 and the digit.</summary>
public sealed class DigitRow
{
    /// <summary>Pixels per image.</summary>
    public const int Pixels = 64;

    [VectorType(Pixels)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>The Mlp's class probabilities for one digit.</summary>
public sealed class DigitPrediction
{
    public float[] Score { get; set; } = [];
}
