namespace MLNetScratchTrainer.Examples.FreezeWeights;

/// <summary>
/// Grokking Deep Learning, chapter 5: one neuron, prediction = Σ inputᵢ × weightᵢ, error = (prediction − goal)²,
/// and gradient descent weightᵢ −= alpha × delta × inputᵢ with delta = prediction − goal.
/// </summary>
internal sealed record MultiInputNeuron(double[] Inputs, double Goal, double[] StartWeights)
{
    /// <summary>Runs gradient descent; the weight at <paramref name="frozen"/> (if any) keeps its value: its weight delta is set to zero.</summary>
    public List<TrainingStep> Train(double alpha, int iterations, int? frozen)
    {
        var steps = new List<TrainingStep>();
        double[] weights = (double[])StartWeights.Clone();
        for (int i = 1; i <= iterations; i++)
        {
            double prediction = Inputs.Select((input, j) => input * weights[j]).Sum();
            double delta = prediction - Goal;
            double[] weightDeltas = [.. Inputs.Select(input => delta * input)];
            steps.Add(new TrainingStep(i, (double[])weights.Clone(), prediction, delta * delta, delta, weightDeltas));
            for (int j = 0; j < weights.Length; j++)
            {
                weights[j] -= j == frozen ? 0 : alpha * weightDeltas[j];
            }
        }

        return steps;
    }
}
