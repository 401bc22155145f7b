using System.Text.Json.Serialization;
using MLNetScratchTrainer.Engine.Preprocessing;

namespace MLNetScratchTrainer.Engine.Serialization;

/// <summary>The JSON header of a saved model: format, version, architecture, tensor shapes, checksum and history.</summary>
internal sealed record ModelHeader
{
    public string Format { get; init; } = string.Empty;

    public int Version { get; init; }

    public ArchitectureHeader? Architecture { get; init; }

    public List<TensorHeader>? Tensors { get; init; }

    public string TensorsSha256 { get; init; } = string.Empty;

    public float[]? TargetMean { get; init; }

    public float[]? TargetScale { get; init; }

    public HistoryHeader? History { get; init; }

    public PreprocessingHeader? Preprocessing { get; init; }
}

/// <summary>
/// The architecture as saved. <see cref="LinearSkip"/> is written only when on, so a model without it saves exactly as
/// before the skip existed (and a file without the field loads with it off).
/// </summary>
internal sealed record ArchitectureHeader(
    int InputSize,
    int[] HiddenLayers,
    int OutputSize,
    string Task,
    string Activation,
    float DropoutRate,
    bool BatchNormalization,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool LinearSkip = false);

/// <summary>Name and shape of one tensor in tensors.bin, in order.</summary>
internal sealed record TensorHeader(string Name, int Rows, int Columns);

/// <summary>The training history as saved.</summary>
internal sealed record HistoryHeader(List<EpochRecord> Epochs, string StopReason, int BestEpoch, string MetricName);

/// <summary>The input preprocessing as saved (format version 2 on); absent when the model has none.</summary>
internal sealed record PreprocessingHeader(float[]? Fill, float[]? Center, float[]? Scale, float? ClipBound, int[]? MissingIndicatorFeatures)
{
    /// <summary>The header of a preprocessor, or null for none.</summary>
    public static PreprocessingHeader? Of(InputPreprocessor? preprocessor) => preprocessor is null
        ? null
        : new([.. preprocessor.Fill], [.. preprocessor.Center], [.. preprocessor.Scale], preprocessor.ClipBound, [.. preprocessor.MissingIndicatorFeatures]);
}
