using MLNetScratchTrainer.Engine.Initializers;

namespace MLNetScratchTrainer.Examples.WeightInitComparison;

/// <summary>A weight initialisation under comparison.</summary>
internal sealed record InitializerChoice(string Name, IInitializer Initializer)
{
    public static readonly IReadOnlyList<InitializerChoice> All =
    [
        new("std 0.01", new FixedStdInitializer(0.01f)),
        new("Xavier", new XavierInitializer()),
        new("He", new HeInitializer()),
    ];
}
