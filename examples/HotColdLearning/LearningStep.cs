namespace MLNetScratchTrainer.Examples.HotColdLearning;

/// <summary>One iteration of learning a single weight: the state before the update and the update made.</summary>
/// <param name="Iteration">1-based iteration.</param>
/// <param name="Weight">The weight the prediction used.</param>
/// <param name="Prediction">input × weight.</param>
/// <param name="Error">(prediction − goal)², the squared error.</param>
/// <param name="Change">How much the weight then changed (positive: up).</param>
internal sealed record LearningStep(int Iteration, double Weight, double Prediction, double Error, double Change);
