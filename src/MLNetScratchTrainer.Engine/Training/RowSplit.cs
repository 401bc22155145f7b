using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>Which rows a run trains on and which it validates on (rows of a separate validation set, or held-out training rows).</summary>
/// <param name="TrainRows">Indices of the training rows in the training data.</param>
/// <param name="ValidationData">The data the validation rows are read from.</param>
/// <param name="ValidationRows">Indices of the validation rows in <paramref name="ValidationData"/>; empty without validation.</param>
internal sealed record RowSplit(int[] TrainRows, Dataset ValidationData, int[] ValidationRows);
