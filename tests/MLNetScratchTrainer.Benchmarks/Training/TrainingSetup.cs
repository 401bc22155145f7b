using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Benchmarks.Training;

/// <summary>
/// One network and data shape whose training speed the harnesses measure: the MNIST network at a given batch, or
/// the plugin's tabular defaults (one hidden layer of 64, AdamW lr 0.02 with weight decay 0.1, batch 32) on a
/// few features. The data is generated (Gaussian blobs): training speed does not depend on the values.
/// </summary>
/// <param name="Name">What the line of output is called.</param>
/// <param name="Features">Features per row.</param>
/// <param name="Hidden">Hidden layer sizes.</param>
/// <param name="Classes">Classes (2 means binary, one sigmoid output).</param>
/// <param name="BatchSize">Rows per mini-batch.</param>
/// <param name="Optimizer">Optimizer kind.</param>
/// <param name="LearningRate">Learning rate.</param>
/// <param name="WeightDecay">Weight decay (decoupled for AdamW).</param>
/// <param name="Rows">Training rows.</param>
public sealed record TrainingSetup(string Name, int Features, int[] Hidden, int Classes, int BatchSize, OptimizerKind Optimizer, float LearningRate, float WeightDecay, int Rows)
{
    /// <summary>The MNIST network, 784-256-128-10 ReLU, Adam lr 1e-3, at <paramref name="batchSize"/>.</summary>
    public static TrainingSetup Mnist(int batchSize) => new($"MNIST 784-256-128-10, batch {batchSize}", 784, [256, 128], 10, batchSize, OptimizerKind.Adam, 1e-3f, 0f, 20_000);

    /// <summary>The plugin's tabular defaults on <paramref name="features"/> features and <paramref name="classes"/> classes.</summary>
    public static TrainingSetup TabularDefaults(int features, int classes) =>
        new($"tabular {features}-64-{(classes == 2 ? 1 : classes)}, batch 32, AdamW", features, [64], classes, 32, OptimizerKind.AdamW, 0.02f, 0.1f, 20_000);

    /// <summary>The setups the harnesses run: MNIST at batch 32, 64 and 128, then two tabular default shapes.</summary>
    public static IReadOnlyList<TrainingSetup> All { get; } =
        [Mnist(128), Mnist(64), Mnist(32), TabularDefaults(10, 3), TabularDefaults(30, 2)];

    /// <summary>The task this setup trains.</summary>
    public MlpTask Task => Classes == 2 ? MlpTask.BinaryClassification : MlpTask.MulticlassClassification;

    /// <summary>Engine options for this setup.</summary>
    public MlpTrainerOptions Options(int epochs, int threads) => new()
    {
        Task = Task,
        HiddenLayers = Hidden,
        Optimizer = Optimizer,
        LearningRate = LearningRate,
        WeightDecay = WeightDecay,
        BatchSize = BatchSize,
        NumberOfEpochs = epochs,
        NumberOfThreads = threads,
        Seed = 1,
    };

    /// <summary>Generated rows: class blobs in [0, 1]-scaled features (about half of them zero, like MNIST's pixels).</summary>
    public Dataset Data()
    {
        var rng = new Rng(1);
        var features = new float[Rows * Features];
        var labels = new float[Rows];
        for (int row = 0; row < Rows; row++)
        {
            int label = row % Classes;
            labels[row] = label;
            for (int j = 0; j < Features; j++)
            {
                float value = (0.5f * rng.NextNormal()) + (j % Classes == label ? 1f : 0f);
                features[(row * Features) + j] = Math.Max(0f, value);
            }
        }

        return new Dataset(features, Features, labels);
    }
}
