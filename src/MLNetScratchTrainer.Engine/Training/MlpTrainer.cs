using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// Trains a multilayer perceptron on a <see cref="Dataset"/>: holds out validation rows, fits the input preprocessing on
/// the training rows, builds and initialises the network, and runs the epochs (see <see cref="TrainingRun"/>).
/// </summary>
public sealed class MlpTrainer
{
    /// <summary>Creates a trainer; the options are copied and validated now.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public MlpTrainer(MlpTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options.Clone();
    }

    /// <summary>The options of every run of this trainer (a copy of those passed in).</summary>
    public MlpTrainerOptions Options { get; }

    private int Seed => Options.Seed ?? MlpTrainerOptions.DefaultSeed;

    /// <summary>
    /// Trains a network and returns the model.
    /// </summary>
    /// <param name="train">Training rows; NaN features are missing values (see <see cref="MlpTrainerOptions.RejectMissingFeatures"/>).</param>
    /// <param name="validation">Validation rows; null holds out <see cref="MlpTrainerOptions.ValidationFraction"/> of <paramref name="train"/> instead.</param>
    /// <param name="initialModel">Warm start: continue from this model's weights and input preprocessing (its architecture is kept; optimizer state starts afresh).</param>
    /// <param name="cancellationToken">Stops training; the weights of the best (or last) completed epoch are returned.</param>
    /// <exception cref="ArgumentException">The data does not fit the task or the initial model; the message names the row or size.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the first epoch completed.</exception>
    public MlpModel Fit(Dataset train, Dataset? validation = null, MlpModel? initialModel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        int featureCount = initialModel?.InputSize ?? train.FeatureCount;
        CheckFeatureCount(train, featureCount, nameof(train));
        if (validation is not null)
        {
            CheckFeatureCount(validation, featureCount, nameof(validation));
        }

        CheckSparse(train, nameof(train), train);
        if (validation is not null)
        {
            CheckSparse(validation, nameof(validation), train);
        }

        var split = SplitRows(train, validation);
        int patience = Options.EarlyStoppingPatienceFor(split.TrainRows.Length);
        if (patience > 0 && split.ValidationRows.Length == 0)
        {
            throw new ArgumentException(
                $"EarlyStoppingPatience ({patience}) needs validation data: pass a validation set, set ValidationFraction above 0, or set EarlyStoppingPatience to 0.");
        }

        // Sparse rows are fed as they are: per-feature scaling would densify them (and FeaturizeText's are normalised).
        var preprocessor = train.SparseFeatures is not null ? null : initialModel is null
            ? PreprocessorFitter.Fit(train.Features, train.FeatureCount, split.TrainRows, Options.InputScaling, Options.SmoothClipBound)
            : initialModel.Preprocessor;
        CheckMissingValues(train, preprocessor, nameof(train));
        CheckMissingValues(split.ValidationData, preprocessor, nameof(validation));

        var architecture = initialModel?.Architecture ?? CreateArchitecture(preprocessor?.OutputSize ?? featureCount, train, validation);
        CheckLabels(architecture, train, nameof(train));
        if (architecture.Task != MlpTask.Regression && train.Labels.Distinct().Count() < 2)
        {
            string needed = architecture.Task == MlpTask.BinaryClassification ? "binary classification needs examples of both classes (0 and 1)" : "multiclass classification needs examples of at least two classes";
            throw new ArgumentException($"Every training label is {train.Labels[0]}: {needed}.", nameof(train));
        }

        if (validation is not null)
        {
            CheckLabels(architecture, validation, nameof(validation));
        }

        var targetScaling = architecture.Task == MlpTask.Regression && Options.StandardizeRegressionTargets
            ? initialModel?.TargetScaling ?? TargetScaling.Fit(train.Labels, train.LabelWidth)
            : null;

        int threads = Options.NumberOfThreads ?? Environment.ProcessorCount;
        using var pool = threads > 1 ? new WorkerPool(threads) : null;
        var network = architecture.Build(new Gemm(pool), Rng.ForStream(Seed, RandomStream.Dropout));
        if (network.Head is ClassificationHead classificationHead)
        {
            classificationHead.LabelSmoothing = Options.LabelSmoothingFor(architecture.Task);
        }

        if (initialModel is null)
        {
            Initialize(network, architecture);
        }
        else
        {
            initialModel.CopyTensorsTo(network);
        }

        var sparseNetwork = train.SparseFeatures is null ? null : new SparseInputNetwork(network, new SparseGemm(pool));
        var run = new TrainingRun(Options, Seed, network, sparseNetwork, pool, architecture.Task, preprocessor, targetScaling, train, split);
        var history = run.Execute(cancellationToken);
        return MlpModel.FromNetwork(architecture, network, history, targetScaling, preprocessor);
    }

    private MlpArchitecture CreateArchitecture(int inputSize, Dataset train, Dataset? validation)
    {
        int outputs = Options.Task switch
        {
            MlpTask.MulticlassClassification => Options.ClassCount ?? InferClassCount(train, validation),
            MlpTask.BinaryClassification => 1,
            _ => train.LabelWidth,
        };
        return new MlpArchitecture(inputSize, Options.HiddenLayers, outputs, Options.Task, Options.Activation, Options.DropoutRate, Options.BatchNormalization);
    }

    private static int InferClassCount(Dataset train, Dataset? validation)
    {
        float max = train.Labels.Max();
        if (validation is not null)
        {
            max = Math.Max(max, validation.Labels.Max());
        }

        int count = (int)max + 1;
        if (count < 2)
        {
            throw new ArgumentException($"Every label is {max}: multiclass classification needs at least two classes (labels 0 … K−1).");
        }

        return count;
    }

    private void CheckSparse(Dataset data, string name, Dataset train)
    {
        if ((data.SparseFeatures is null) != (train.SparseFeatures is null))
        {
            throw new ArgumentException($"The {name} data is {(data.SparseFeatures is null ? "dense" : "sparse")} but the training data is not: both must be sparse or both dense.", name);
        }

        if (data.SparseFeatures is not null && (Options.Optimizer is not (OptimizerKind.Adam or OptimizerKind.AdamW) || (Options.WeightDecay > 0 && Options.Optimizer != OptimizerKind.AdamW)))
        {
            throw new ArgumentException(
                $"Sparse features train with Adam or AdamW, which update only the first-layer rows a batch touches, and with decoupled weight decay (AdamW); " +
                $"the options ask for {Options.Optimizer} with weight decay {Options.WeightDecay}.", name);
        }
    }

    private static void CheckFeatureCount(Dataset data, int featureCount, string name)
    {
        if (data.FeatureCount != featureCount)
        {
            throw new ArgumentException($"The {name} data has {data.FeatureCount} features per row but the network expects {featureCount}.", name);
        }
    }

    /// <summary>Refuses missing values when asked to, or when there is no preprocessing to fill them (a warm start from a model without it).</summary>
    private void CheckMissingValues(Dataset data, InputPreprocessor? preprocessor, string name)
    {
        if (!Options.RejectMissingFeatures && preprocessor is not null)
        {
            return;
        }

        int index = Array.FindIndex(data.Features, float.IsNaN);
        if (index >= 0)
        {
            string reason = Options.RejectMissingFeatures
                ? $"{nameof(MlpTrainerOptions.RejectMissingFeatures)} is set"
                : "the initial model has no input preprocessing to fill it";
            throw new ArgumentException($"The {name} data has a missing value (NaN) at row {index / data.FeatureCount}, feature {index % data.FeatureCount}, and {reason}.", name);
        }
    }

    private static void CheckLabels(MlpArchitecture architecture, Dataset data, string name)
    {
        int labelWidth = architecture.Task == MlpTask.Regression ? architecture.OutputSize : 1;
        if (data.LabelWidth != labelWidth)
        {
            throw new ArgumentException($"The {name} data has {data.LabelWidth} label values per row but {architecture.Task} with this network needs {labelWidth}.", name);
        }

        var head = architecture.CreateHead();
        for (int row = 0; row < data.Count; row++)
        {
            head.ValidateLabel(data.Labels[row * labelWidth], row);
        }
    }

    private RowSplit SplitRows(Dataset train, Dataset? validation)
    {
        int[] all = Enumerable.Range(0, train.Count).ToArray();
        if (validation is not null)
        {
            return new RowSplit(all, validation, Enumerable.Range(0, validation.Count).ToArray());
        }

        int held = (int)Math.Round(train.Count * (double)Options.ValidationFraction);
        if (held == 0)
        {
            return new RowSplit(all, train, []);
        }

        if (held >= train.Count)
        {
            throw new ArgumentException($"ValidationFraction {Options.ValidationFraction} would leave no training rows out of {train.Count}.");
        }

        Rng.ForStream(Seed, RandomStream.ValidationSplit).Shuffle(all);
        return new RowSplit(all[held..], train, all[..held]);
    }

    private void Initialize(Network network, MlpArchitecture architecture)
    {
        bool reluLike = architecture.Activation is Activation.Relu or Activation.LeakyRelu;
        var initializer = InitializerFactory.Create(Options.Initializer, reluLike, Options.InitialStd);
        var rng = Rng.ForStream(Seed, RandomStream.Initialization);
        foreach (var dense in network.Layers.OfType<Dense>())
        {
            initializer.Initialize(dense.Weight.Value, dense.InputSize, dense.OutputSize, rng);
        }
    }
}
