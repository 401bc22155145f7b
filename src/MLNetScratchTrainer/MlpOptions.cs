using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer;

/// <summary>
/// Options of the Mlp trainers (multiclass, binary and regression): every engine option of <see cref="MlpTrainerOptions"/>,
/// with the same names and defaults, plus the columns to read and what to do with invalid rows. The catalog method sets
/// <see cref="MlpTrainerOptions.Task"/>, so a value set here is replaced; <see cref="MlpTrainerOptions.ClassCount"/> is
/// taken from a key-typed label's count when there is one; a null <see cref="MlpTrainerOptions.Seed"/> takes a seed from
/// the <c>MLContext</c>. The defaults and their measurements are in <c>docs/defaults.md</c>.
/// </summary>
public sealed class MlpOptions : MlpTrainerOptions
{
    /// <summary>
    /// The label column. Multiclass: a key (from <c>MapValueToKey</c>), or Single class indices 0, 1, 2, ….
    /// Binary: Boolean, or Single holding 0 or 1.
    /// Regression: Single.
    /// </summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>The feature column: a known-size vector of Single (for example from <c>Concatenate</c>); NaN marks a missing value.</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>An optional column of non-negative Single example weights; null weighs every row 1.</summary>
    public string? ExampleWeightColumnName { get; set; }

    /// <summary>
    /// Skip rows whose features, label or weight are invalid (an infinite feature, a missing label or key, a negative
    /// weight, or a missing feature when <see cref="MlpTrainerOptions.RejectMissingFeatures"/> is set) and log how many
    /// were skipped. By default such a row stops training with an error naming the row and column.
    /// </summary>
    public bool DropInvalidRows { get; set; }

    /// <summary>The engine options of a training run: a copy of these with the task, class count and seed filled in; validates every value.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    internal MlpTrainerOptions ToEngineOptions(MlpTask task, int? classCount, int seed)
    {
        var options = Clone();
        options.Task = task;
        options.ClassCount = classCount ?? ClassCount;
        options.Seed = seed;
        options.Validate();
        return options;
    }

    /// <summary>A copy, so that changing these options after creating a trainer does not change the trainer.</summary>
    internal MlpOptions Copy() => (MlpOptions)Clone();
}
