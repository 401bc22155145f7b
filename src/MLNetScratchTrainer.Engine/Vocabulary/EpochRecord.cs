// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>What one epoch of training did.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's mini-batches.</param>
/// <param name="ValidationLoss">Loss on the validation data, or null without validation.</param>
/// <param name="ValidationMetric">Accuracy (classification; or the area under the ROC curve, see <see cref="Engine.Training.MlpTrainerOptions.BinaryValidationMetric"/>) or R² (regression) on the validation data, or null.</param>
/// <param name="LearningRate">Learning rate used in the epoch.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch, validation included.</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double? ValidationLoss, double? ValidationMetric, float LearningRate, double Seconds);
