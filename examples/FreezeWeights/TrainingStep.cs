namespace MLNetScratchTrainer.Examples.FreezeWeights;

/// <summary>One iteration of gradient descent on a single neuron with several inputs.</summary>
/// <param name="Iteration">1-based iteration.</param>
/// <param name="Weights">The weights the prediction used.</param>
/// <param name="Prediction">The weighted sum of the inputs.</param>
/// <param name="Error">(prediction − goal)².</param>
/// <param name="Delta">prediction − goal: the one error signal every weight shares.</param>
/// <param name="WeightDeltas">delta × input per weight, before freezing (the frozen weight's delta is then ignored).</param>
internal sealed record TrainingStep(int Iteration, double[] Weights, double Prediction, double Error, double Delta, double[] WeightDeltas);
