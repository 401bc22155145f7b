using MLNetScratchTrainer;
using MLNetScratchTrainer.Trainers;

namespace MLNetScratchTrainer.Examples.MnistComparison;

/// <summary>
/// The MNIST network, the same as examples/MnistEngine trains: 784-256-128-10 ReLU, He initialisation, Adam with a constant
/// learning rate of 1e-3, mini-batches of 128, no weight decay, seed 1, every core. Given both as the plugin's options and as the
/// engine's, with the same values, for the comparison and for the overhead measurement.
/// </summary>
internal static class MnistMlp
{
    private const int Seed = 1;
    private static readonly int[] HiddenLayers = [256, 128];

    /// <summary>What the network is given, for the tables.</summary>
    public static string Describe(int epochs) => $"784-256-128-10 ReLU, Adam lr 1e-3 constant, batch 128, {epochs} epoch(s), no weight decay, seed {Seed}, {Environment.ProcessorCount} threads; every other option the default (dropout 0.15, label smoothing 0.1, weights averaged over an epoch, 10 % validation with the best epoch kept)";

    /// <summary>The plugin's options.</summary>
    /// <param name="epochs">Passes over the training images.</param>
    /// <param name="labelColumnName">The label: the key from MapValueToKey, or the digit itself (Single class indices).</param>
    public static MlpOptions Options(int epochs, string labelColumnName) => Configure(new MlpOptions { LabelColumnName = labelColumnName }, epochs);

    /// <summary>The engine's options with the same values.</summary>
    public static MlpTrainerOptions EngineOptions(int epochs) => Configure(new MlpTrainerOptions { Task = MlpTask.MulticlassClassification }, epochs);

    /// <summary>Sets the network's values on either options object (the plugin's options derive from the engine's).</summary>
    private static T Configure<T>(T options, int epochs)
        where T : MlpTrainerOptions
    {
        options.HiddenLayers = [.. HiddenLayers];
        options.Activation = Activation.Relu;
        options.Optimizer = OptimizerKind.Adam;
        options.LearningRate = 1e-3f;
        options.LearningRateSchedule = LearningRateSchedule.Constant();
        options.BatchSize = 128;
        options.NumberOfEpochs = epochs;
        options.WeightDecay = 0f;
        options.Seed = Seed;
        options.NumberOfThreads = Environment.ProcessorCount;
        return options;
    }
}
