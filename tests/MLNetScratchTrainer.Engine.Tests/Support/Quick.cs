using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>
/// Trainer options sized for tests: a small network, a few epochs, one thread (the suite shares two cores
/// and runs two test classes at once; threading is tested on its own), and the plain training of the engine's first
/// version, so a test sees one mechanism at a time: Adam at a constant rate, no weight decay, no input preprocessing,
/// no validation split, no label smoothing, no weight averaging. (Tests of the defaults use <c>new MlpTrainerOptions()</c>.)
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
        Optimizer = OptimizerKind.Adam,
        OptimizerSettings = new OptimizerSettings(),
        LearningRateSchedule = LearningRateSchedule.Constant(),
        WeightDecay = 0f,
        DropoutRate = 0f,
        LabelSmoothing = 0f,
        WeightAveragingEpochs = 0f,
        InputScaling = InputScaling.None,
        ValidationFraction = 0f,
        EarlyStoppingPatience = 0,
    };

    /// <summary>Trains with <paramref name="options"/> on <paramref name="train"/>.</summary>
    public static MlpModel Fit(MlpTrainerOptions options, Dataset train, Dataset? validation = null, MlpModel? initialModel = null)
        => new MlpTrainer(options).Fit(train, validation, initialModel);
}
