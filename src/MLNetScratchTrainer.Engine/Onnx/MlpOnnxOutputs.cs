namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>
/// The output names of an exported Mlp, per task. Per-row scalars have shape [N], vectors [N, K].
/// </summary>
public static class MlpOnnxOutputs
{
    /// <summary>Multiclass: the class probabilities, float [N, classes].</summary>
    public const string Probabilities = "probabilities";

    /// <summary>Multiclass: the index (0-based) of the most probable class, int64 [N].</summary>
    public const string PredictedClass = "predicted_class";

    /// <summary>Binary: P(class 1), float [N].</summary>
    public const string Probability = "probability";

    /// <summary>Binary: the log-odds ln(p / (1 − p)), float [N] (ML.NET's binary Score; class 1 when above 0).</summary>
    public const string Score = "score";

    /// <summary>Regression: the predicted value in the targets' scale, float [N] (one target) or [N, targets].</summary>
    public const string Value = "value";
}
