namespace MLNetScratchTrainer.Examples.OptimizerComparison;

/// <summary>One contestant: an optimizer, its learning rate, and what it achieved.</summary>
internal sealed record OptimizerRun(string Name, OptimizerKind Kind, float LearningRate)
{
    public double[] Losses { get; set; } = [];

    public double TestAccuracy { get; set; }

    public double Seconds { get; set; }
}
