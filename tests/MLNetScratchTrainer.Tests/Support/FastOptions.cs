using MLNetScratchTrainer.Trainers;

namespace MLNetScratchTrainer.Tests.Support;

/// <summary>Options for tests about behaviour rather than quality: a small network, few epochs, fixed seed, one thread.</summary>
internal static class FastOptions
{
    public static MlpOptions Create(int epochs = 10) => new() { HiddenLayers = [8], NumberOfEpochs = epochs, Seed = 1, NumberOfThreads = 1 };
}
