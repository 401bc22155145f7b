using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Streaming;
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
        RequireValidationForEarlyStopping(split.TrainRows.Length, split.ValidationRows.Length > 0, string.Empty);

        // Sparse rows are fed as they are: per-feature scaling would densify them (and FeaturizeText's are normalised).
        var preprocessor = train.SparseFeatures is not null ? null : initialModel is null
            ? PreprocessorFitter.Fit(train.Features, train.FeatureCount, split.TrainRows, Options.InputScaling, Options.SmoothClipBound)
            : initialModel.Preprocessor;
        CheckMissingValues(train, preprocessor, nameof(train));
        CheckMissingValues(split.ValidationData, preprocessor, nameof(validation));

        var architecture = initialModel?.Architecture ?? CreateArchitecture(preprocessor?.OutputSize ?? featureCount, featureCount, train.SparseFeatures is not null, train.LabelWidth, train.Labels.Max(), validation);
        CheckLabels(architecture, train, nameof(train));
        if (architecture.Task != MlpTask.Regression && train.Labels.Distinct().Count() < 2)
        {
            ThrowSingleClass(architecture.Task, train.Labels[0]);
        }

        if (validation is not null)
        {
            CheckLabels(architecture, validation, nameof(validation));
        }

        var targetScaling = architecture.Task == MlpTask.Regression && Options.StandardizeRegressionTargets
            ? initialModel?.TargetScaling ?? TargetScaling.Fit(train.Labels, train.LabelWidth)
            : null;

        var trainLabels = EvaluationRows.ScaledLabels(train, targetScaling);
        var validationLabels = ReferenceEquals(split.ValidationData, train) ? trainLabels : EvaluationRows.ScaledLabels(split.ValidationData, targetScaling);
        var shuffler = Options.Shuffle ? Rng.ForStream(Seed, RandomStream.Shuffling) : null;
        return Train(
            new Setup(architecture, preprocessor, targetScaling, initialModel, train.SparseFeatures is not null, split.TrainRows.Length, train.LabelWidth, new LabelledRows(train, trainLabels, split.TrainRows)),
            _ => new DatasetBatches(train, trainLabels, split.TrainRows, shuffler),
            new EvaluationRows(split.ValidationData, validationLabels, split.ValidationRows),
            cancellationToken);
    }

    /// <summary>
    /// Trains a network on rows streamed from <paramref name="train"/>, holding in memory only a shuffle buffer, a sample
    /// and the validation rows, however many rows the source has. A first pass checks every row, holds out validation
    /// rows (a seeded hash of the row index below <see cref="MlpTrainerOptions.ValidationFraction"/>, up to
    /// <see cref="StreamingRules.ValidationRowCap"/> rows) and fits the input preprocessing on a reservoir sample of
    /// <see cref="PreprocessorFitter.MaximumQuantileRows"/> training rows; each epoch then reads the source once more and
    /// shuffles it through a buffer of <see cref="MlpTrainerOptions.ShuffleBufferRows"/> rows (see <see cref="ShuffleBuffer"/>).
    /// Deterministic for a seed and independent of the thread count, like <see cref="Fit(Dataset, Dataset?, MlpModel?, CancellationToken)"/>,
    /// whose model it approaches but does not reproduce (rows are held out and shuffled differently).
    /// </summary>
    /// <param name="train">The training rows; every pass must yield the same rows in the same order.</param>
    /// <param name="validation">Validation rows in memory; null holds out part of <paramref name="train"/> instead.</param>
    /// <param name="initialModel">Warm start, as for the in-memory <c>Fit</c>.</param>
    /// <param name="cancellationToken">Stops training; the weights of the best (or last) completed epoch are returned.</param>
    /// <exception cref="ArgumentException">The data does not fit the task or the initial model, or a row holds an invalid value; the message names the row.</exception>
    /// <exception cref="InvalidOperationException">A pass yielded fewer rows than the first.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the first epoch completed.</exception>
    public MlpModel Fit(IRowSource train, Dataset? validation = null, MlpModel? initialModel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        int featureCount = initialModel?.InputSize ?? train.FeatureCount;
        if (train.FeatureCount != featureCount)
        {
            throw new ArgumentException($"The train data has {train.FeatureCount} features per row but the network expects {featureCount}.", nameof(train));
        }

        if (validation is not null)
        {
            CheckFeatureCount(validation, featureCount, nameof(validation));
            if (validation.SparseFeatures is not null)
            {
                throw new ArgumentException("The validation data is sparse but streamed training rows are dense: both must be dense.", nameof(validation));
            }
        }

        var holdout = new RowHoldout(Seed, validation is null ? Options.ValidationFraction : 0);
        string? missingRefusal = MissingValueRefusal(filled: initialModel is null || initialModel.Preprocessor is not null);
        var scan = SourceScan.Read(
            train, holdout, StreamingRules.ValidationRowCap(train.FeatureCount, train.LabelWidth), PreprocessorFitter.MaximumQuantileRows, Seed,
            LabelHead(initialModel, train.LabelWidth), missingRefusal, cancellationToken);
        var held = validation ?? scan.Held;
        RequireValidationForEarlyStopping((int)Math.Min(scan.TrainRows, int.MaxValue), held is not null, $" (of {scan.TotalRows} rows none was held out)");

        var preprocessor = initialModel is null
            ? PreprocessorFitter.FitOnSample(scan.SampleFeatures, train.FeatureCount, scan.Missing, Options.InputScaling, Options.SmoothClipBound)
            : initialModel.Preprocessor;
        if (held is not null)
        {
            CheckMissingValues(held, preprocessor, nameof(validation));
        }

        var architecture = initialModel?.Architecture ?? CreateArchitecture(preprocessor?.OutputSize ?? featureCount, featureCount, sparse: false, train.LabelWidth, scan.LargestLabel, validation);
        CheckLabelWidth(architecture, train.LabelWidth, nameof(train));
        if (architecture.Task != MlpTask.Regression && !scan.LabelsDiffer)
        {
            ThrowSingleClass(architecture.Task, scan.FirstLabel);
        }

        if (validation is not null)
        {
            CheckLabels(architecture, validation, nameof(validation));
        }

        var targetScaling = architecture.Task == MlpTask.Regression && Options.StandardizeRegressionTargets
            ? initialModel?.TargetScaling ?? TargetScaling.Fit(scan.SampleLabels, train.LabelWidth)
            : null;
        int trainRows = (int)scan.TrainRows;
        var sample = LinearSkipStart.Fits(architecture) ? new Dataset(scan.SampleFeatures.ToArray(), train.FeatureCount, scan.SampleLabels.ToArray(), train.LabelWidth) : null;
        var shuffler = Options.Shuffle ? Rng.ForStream(Seed, RandomStream.Shuffling) : null;
        return Train(
            new Setup(architecture, preprocessor, targetScaling, initialModel, Sparse: false, trainRows, train.LabelWidth, sample is null ? null : new LabelledRows(sample, EvaluationRows.ScaledLabels(sample, targetScaling), [.. Enumerable.Range(0, sample.Count)])),
            batchSize =>
            {
                int capacity = shuffler is null ? batchSize : Options.ShuffleBufferRows ?? StreamingRules.ShuffleBufferRows(train.FeatureCount, train.LabelWidth, batchSize);
                var buffer = new ShuffleBuffer(Math.Min(capacity, trainRows), batchSize, train.FeatureCount, train.LabelWidth, train.HasWeights, shuffler);
                return new StreamedBatches(train, holdout, trainRows, buffer, targetScaling);
            },
            held is null ? EvaluationRows.None : new EvaluationRows(held, EvaluationRows.ScaledLabels(held, targetScaling), [.. Enumerable.Range(0, held.Count)]),
            cancellationToken);
    }

    /// <summary>
    /// What a run needs besides its batches: the model's parts, the kind of rows, the training row count, and training rows
    /// in memory for the linear skip's start (<see cref="LinearSkipStart"/>; a sample of them when streaming, null when
    /// the skip does not start from a fit).
    /// </summary>
    private sealed record Setup(MlpArchitecture Architecture, InputPreprocessor? Preprocessor, TargetScaling? TargetScaling, MlpModel? InitialModel, bool Sparse, int TrainRows, int LabelWidth, LabelledRows? SkipStartRows);

    /// <summary>Rows of a data set with their labels as the network learns them (standardised for regression).</summary>
    private sealed record LabelledRows(Dataset Data, float[] Labels, int[] Rows);

    /// <summary>The part of both <c>Fit</c>s after the data is known: builds and initialises the network and runs the epochs.</summary>
    private MlpModel Train(Setup setup, Func<int, IEpochBatches> createBatches, EvaluationRows validation, CancellationToken cancellationToken)
    {
        var architecture = setup.Architecture;
        int threads = Options.NumberOfThreads ?? Environment.ProcessorCount;
        using var pool = threads > 1 ? new WorkerPool(threads) : null;
        var gemm = new Gemm(pool);
        var network = architecture.Build(gemm, Rng.ForStream(Seed, RandomStream.Dropout));
        if (network.Head is ClassificationHead classificationHead)
        {
            classificationHead.LabelSmoothing = Options.LabelSmoothingFor(architecture.Task);
        }

        if (setup.InitialModel is null)
        {
            Initialize(network, architecture);
            if (setup.SkipStartRows is { } start)
            {
                LinearSkipStart.Apply(network, architecture, start.Data, start.Labels, start.Rows, setup.Preprocessor, gemm);
            }
        }
        else
        {
            setup.InitialModel.CopyTensorsTo(network);
        }

        var sparseNetwork = setup.Sparse ? new SparseInputNetwork(network, new SparseGemm(pool)) : null;
        int batchSize = Options.BatchSizeFor(setup.TrainRows);
        using var batches = createBatches(batchSize);
        var run = new TrainingRun(Options, network, sparseNetwork, pool, architecture.Task, setup.Preprocessor, batches, batchSize, setup.LabelWidth, validation);
        var history = run.Execute(cancellationToken);
        return MlpModel.TakeFromNetwork(architecture, network, history, setup.TargetScaling, setup.Preprocessor);
    }

    /// <summary>The head that checks each streamed row's label, or null when the class count is to come from the labels.</summary>
    private ILossHead? LabelHead(MlpModel? initialModel, int labelWidth)
    {
        if (initialModel is not null)
        {
            return initialModel.Architecture.CreateHead();
        }

        return Options.Task == MlpTask.MulticlassClassification && Options.ClassCount is null
            ? null
            : new MlpArchitecture(1, [], OutputCount(labelWidth, largestLabel: 0, validation: null), Options.Task).CreateHead();
    }

    private MlpArchitecture CreateArchitecture(int inputSize, int featureCount, bool sparse, int labelWidth, float largestLabel, Dataset? validation)
        => new(inputSize, Options.HiddenLayersFor(featureCount, sparse), OutputCount(labelWidth, largestLabel, validation), Options.Task, Options.Activation, Options.DropoutRate, Options.BatchNormalization, Options.LinearSkip);

    private int OutputCount(int labelWidth, float largestLabel, Dataset? validation) => Options.Task switch
    {
        MlpTask.MulticlassClassification => Options.ClassCount ?? InferClassCount(largestLabel, validation),
        MlpTask.BinaryClassification => 1,
        _ => labelWidth,
    };

    private static int InferClassCount(float largestLabel, Dataset? validation)
    {
        float max = largestLabel;
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

        if (data.SparseFeatures is not null && Options.LinearSkip)
        {
            throw new ArgumentException("LinearSkip is not supported for sparse features: set it to false (the first layer of sparse rows runs on their non-zeros alone, the skip has no such path).", name);
        }
    }

    private static void CheckFeatureCount(Dataset data, int featureCount, string name)
    {
        if (data.FeatureCount != featureCount)
        {
            throw new ArgumentException($"The {name} data has {data.FeatureCount} features per row but the network expects {featureCount}.", name);
        }
    }

    /// <summary>Refuses early stopping (a patience above 0 for <paramref name="trainingRows"/> rows) without validation rows.</summary>
    private void RequireValidationForEarlyStopping(int trainingRows, bool hasValidation, string whyNone)
    {
        int patience = Options.EarlyStoppingPatienceFor(trainingRows);
        if (patience > 0 && !hasValidation)
        {
            throw new ArgumentException(
                $"EarlyStoppingPatience ({patience}) needs validation data: pass a validation set, set ValidationFraction above 0{whyNone}, or set EarlyStoppingPatience to 0.");
        }
    }

    /// <summary>Why a missing value (NaN) is an error in this run, or null when the input preprocessing fills it.</summary>
    /// <param name="filled">Whether the model has input preprocessing (fitted now, or the initial model's).</param>
    private string? MissingValueRefusal(bool filled)
        => Options.RejectMissingFeatures ? $"{nameof(MlpTrainerOptions.RejectMissingFeatures)} is set"
            : filled ? null : "the initial model has no input preprocessing to fill it";

    /// <summary>Refuses missing values when asked to, or when there is no preprocessing to fill them (a warm start from a model without it).</summary>
    private void CheckMissingValues(Dataset data, InputPreprocessor? preprocessor, string name)
    {
        if (MissingValueRefusal(filled: preprocessor is not null) is not { } reason)
        {
            return;
        }

        int index = Array.FindIndex(data.Features, float.IsNaN);
        if (index >= 0)
        {
            throw new ArgumentException($"The {name} data has a missing value (NaN) at row {index / data.FeatureCount}, feature {index % data.FeatureCount}, and {reason}.", name);
        }
    }

    private static void ThrowSingleClass(MlpTask task, float label)
    {
        string needed = task == MlpTask.BinaryClassification ? "binary classification needs examples of both classes (0 and 1)" : "multiclass classification needs examples of at least two classes";
        throw new ArgumentException($"Every training label is {label}: {needed}.", "train");
    }

    private static void CheckLabelWidth(MlpArchitecture architecture, int dataLabelWidth, string name)
    {
        int labelWidth = architecture.Task == MlpTask.Regression ? architecture.OutputSize : 1;
        if (dataLabelWidth != labelWidth)
        {
            throw new ArgumentException($"The {name} data has {dataLabelWidth} label values per row but {architecture.Task} with this network needs {labelWidth}.", name);
        }
    }

    private static void CheckLabels(MlpArchitecture architecture, Dataset data, string name)
    {
        CheckLabelWidth(architecture, data.LabelWidth, name);
        var head = architecture.CreateHead();
        for (int row = 0; row < data.Count; row++)
        {
            head.ValidateLabel(data.Labels[row * data.LabelWidth], row);
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
