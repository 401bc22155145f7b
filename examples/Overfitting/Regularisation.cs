namespace MLNetScratchTrainer.Examples.Overfitting;

/// <summary>One training setup under comparison and its accuracy after every epoch.</summary>
internal sealed record Regularisation(string Name, float WeightDecay, float DropoutRate)
{
    public List<double> TrainAccuracy { get; } = [];

    public List<double> TestAccuracy { get; } = [];
}
