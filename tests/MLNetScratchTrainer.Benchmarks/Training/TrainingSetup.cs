using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Benchmarks.Training;

/// <summary>
/// One network and data shape whose training speed the harnesses measure: the MNIST network at a given batch, or
/// the plugin's tabular defaults (<see cref="MlpTrainerOptions"/> as it comes: three hidden layers of 256 ReLU units,
/// dropout, AdamW, the batch from <see cref="DataSizeRules"/>) on a few features. The data is generated (Gaussian
/// blobs): training speed does not depend on the values.
/// </summary>
/// <param name="Name">What the line of output is called.</param>
/// <param name="Features">Features per row.</param>
/// <param name="Hidden">Hidden layer sizes.</param>
/// <param name="Classes">Classes (2 means binary, one sigmoid output).</param>
/// <param name="BatchSize">Rows per mini-batch.</param>
/// <param name="Rows">Rows generated; the tabular setups train on <see cref="TrainingRows"/> of them.</param>
/// <param name="UsesDefaults">True for the plugin's defaults: the options are <see cref="MlpTrainerOptions"/>'s own.</param>
public sealed record TrainingSetup(string Name, int Features, int[] Hidden, int Classes, int BatchSize, int Rows, bool UsesDefaults)
{
    private static readonly MlpTrainerOptions Defaults = new();

    /// <summary>The MNIST network, 784-256-128-10 ReLU, Adam lr 1e-3, at <paramref name="batchSize"/>.</summary>
    public static TrainingSetup Mnist(int batchSize) => new($"MNIST 784-256-128-10, batch {batchSize}", 784, [256, 128], 10, batchSize, 20_000, UsesDefaults: false);

    /// <summary>The plugin's defaults on <paramref name="rows"/> generated rows of <paramref name="features"/> features and <paramref name="classes"/> classes.</summary>
    public static TrainingSetup TabularDefaults(int features, int classes, int rows)
    {
        int trainingRows = TrainingRowsOf(rows);
        int batch = Defaults.BatchSizeFor(trainingRows);
        int outputs = classes == 2 ? 1 : classes;
        int[] hidden = Defaults.HiddenLayersFor(features, sparse: false);
        return new($"defaults {features}-{string.Join("-", hidden)}-{outputs}, {trainingRows:N0} rows, batch {batch}", features, hidden, classes, batch, rows, UsesDefaults: true);
    }

    /// <summary>
    /// The setups the harnesses run: MNIST at batch 128, 64 and 32, then the plugin's defaults on a small tabular set
    /// (batch 32, the smallest default) and a mid-sized one (batch 112).
    /// </summary>
    public static IReadOnlyList<TrainingSetup> All { get; } =
        [Mnist(128), Mnist(64), Mnist(32), TabularDefaults(10, 3, 1_000), TabularDefaults(30, 2, 4_000)];

    /// <summary>The setups whose name contains the text after <c>--only</c> (all without it).</summary>
    public static IEnumerable<TrainingSetup> Selected(string[] args)
        => HarnessArguments.Text(args, "--only") is string part ? All.Where(s => s.Name.Contains(part, StringComparison.OrdinalIgnoreCase)) : All;

    /// <summary>The task this setup trains.</summary>
    public MlpTask Task => Classes == 2 ? MlpTask.BinaryClassification : MlpTask.MulticlassClassification;

    /// <summary>Rows trained on: all of them for MNIST, the rows left after the default validation split for the defaults.</summary>
    public int TrainingRows => UsesDefaults ? TrainingRowsOf(Rows) : Rows;

    /// <summary>Dropout rate after each hidden activation.</summary>
    public float DropoutRate => UsesDefaults ? Defaults.DropoutRate : 0f;

    /// <summary>Optimizer kind.</summary>
    public OptimizerKind Optimizer => UsesDefaults ? Defaults.Optimizer : OptimizerKind.Adam;

    /// <summary>Optimizer settings.</summary>
    public OptimizerSettings OptimizerSettings => UsesDefaults ? Defaults.OptimizerSettings : new OptimizerSettings();

    /// <summary>Learning rate.</summary>
    public float LearningRate => UsesDefaults ? Defaults.LearningRate : 1e-3f;

    /// <summary>Weight decay (decoupled for AdamW).</summary>
    public float WeightDecay => UsesDefaults ? Defaults.WeightDecay : 0f;

    /// <summary>
    /// Engine options for this setup (<paramref name="threads"/> null: the default, every core or the calling thread alone
    /// by the clock): the defaults but for epochs, threads and seed, or the MNIST settings (as the mnist
    /// harness and the peers train it: no dropout, weight decay, label smoothing, weight averaging or validation split).
    /// </summary>
    public MlpTrainerOptions Options(int epochs, int? threads) => UsesDefaults
        ? new() { Task = Task, NumberOfEpochs = epochs, NumberOfThreads = threads, Seed = 1 }
        : new()
        {
            Task = Task,
            HiddenLayers = Hidden,
            DropoutRate = 0f,
            Optimizer = OptimizerKind.Adam,
            OptimizerSettings = new OptimizerSettings(),
            LearningRate = LearningRate,
            WeightDecay = 0f,
            InputScaling = InputScaling.None,
            LabelSmoothing = 0f,
            WeightAveragingEpochs = 0f,
            ValidationFraction = 0f,
            EarlyStoppingPatience = 0,
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

    private static int TrainingRowsOf(int rows) => rows - (int)Math.Round(rows * (double)Defaults.ValidationFraction);
}
