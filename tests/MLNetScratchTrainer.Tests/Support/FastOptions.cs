
namespace MLNetScratchTrainer.Tests.Support;

/// <summary>
/// Options for tests about behaviour rather than quality: a small network, few epochs, fixed seed, one thread, every
/// row used for training (no validation split, so no early stopping) and a learning rate for 8 units.
/// </summary>
internal static class FastOptions
{
    public static MlpOptions Create(int epochs = 10) => new()
    {
        HiddenLayers = [8],
        NumberOfEpochs = epochs,
        LearningRate = 0.02f,
        BatchSize = 32,
        ValidationFraction = 0f,
        EarlyStoppingPatience = 0,
        Seed = 1,
        NumberOfThreads = 1,
    };
}
