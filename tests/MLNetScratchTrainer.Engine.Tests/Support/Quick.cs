using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>
/// Trainer options sized for tests: a small network, a few epochs, one thread (the suite shares two cores
/// and runs two test classes at once; threading is tested on its own).
/// </summary>
internal static class Quick
{
    public static MlpTrainerOptions Options(MlpTask task) => new()
    {
        Task = task,
        HiddenLayers = [16],
        LearningRate = 0.01f,
        BatchSize = 32,
        NumberOfEpochs = 30,
        NumberOfThreads = 1,
    };

    /// <summary>Trains with <paramref name="options"/> on <paramref name="train"/>.</summary>
    public static MlpModel Fit(MlpTrainerOptions options, Dataset train, Dataset? validation = null, MlpModel? initialModel = null)
        => new MlpTrainer(options).Fit(train, validation, initialModel);
}
