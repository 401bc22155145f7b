using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Preprocessing;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// Everything that shapes a training run, with its defaults in this one place. The ML.NET plugin's options derive from
/// this class and add only column names, so every option has the same name and default in the engine and the plugin.
/// The defaults, and the measurements behind them, are in <c>docs/defaults.md</c>: the inputs are scaled by the model
/// itself (median and interquartile range, smooth clipping, missing-value indicators), three hidden layers of 256 ReLU
/// units, AdamW with β₂ = 0.95 and a cosine learning rate, batch size and epochs from the number of rows
/// (<see cref="DataSizeRules"/>), and the best epoch on a 10 % validation split is kept, with early stopping.
/// </summary>
public class MlpTrainerOptions
{
    /// <summary>The seed used when <see cref="Seed"/> is null and no caller supplies one.</summary>
    public const int DefaultSeed = 1;

    /// <summary>What to predict; fixes the head and loss. The ML.NET trainers set it themselves (the catalog chooses the task).</summary>
    public MlpTask Task { get; set; } = MlpTask.MulticlassClassification;

    /// <summary>Number of classes for multiclass; null infers it (from a key column's count, or as the largest label + 1).</summary>
    public int? ClassCount { get; set; }

    /// <summary>
    /// Units of each hidden layer, input side first; empty gives a linear (or logistic) model. Null (the default) picks
    /// them from the shape of the data (<see cref="DataSizeRules.HiddenLayers"/>): three layers of 32·√features
    /// units within [64, 256] for dense features, one narrower layer for sparse rows of many slots.
    /// </summary>
    public int[]? HiddenLayers { get; set; }

    /// <summary>Activation of the hidden layers.</summary>
    public Activation Activation { get; set; } = Activation.Relu;

    /// <summary>Dropout rate after each hidden activation, in [0, 1); 0 disables it. Default 0.15 (RealMLP-TD's; see docs/defaults.md).</summary>
    public float DropoutRate { get; set; } = 0.15f;

    /// <summary>The label smoothing of multiclass classification when <see cref="LabelSmoothing"/> is null (RealMLP-TD's ε).</summary>
    public const float DefaultMulticlassLabelSmoothing = 0.1f;

    /// <summary>
    /// Classification only: train against smoothed targets, (1 − ε)·one-hot + ε/K for K classes (see
    /// <see cref="Losses.ClassificationHead.LabelSmoothing"/>), ε in [0, 1); 0 disables it. Null (the default) uses
    /// <see cref="DefaultMulticlassLabelSmoothing"/> for multiclass and 0 for binary classification, where smoothing
    /// lowered the test AUC (it compresses the confident scores whose order the AUC measures; docs/defaults.md).
    /// Regression ignores it.
    /// </summary>
    public float? LabelSmoothing { get; set; }

    /// <summary>Batch normalisation between each hidden dense layer and its activation.</summary>
    public bool BatchNormalization { get; set; }

    /// <summary>
    /// A "wide and deep" network: a linear map of the (preprocessed) input, x·S, added to the logits, so the output is
    /// MLP(x) + x·S and the hidden layers learn what a linear model leaves (<see cref="Layers.LinearSkip"/>; S has weight
    /// decay like every weight). For regression and binary classification S starts at a ridge fit on the training rows
    /// and the output layer's weights at zero, so the network starts as that linear model; for multiclass S starts at
    /// zero. Off by default: it brought the sets where a linear model leads within reach of it but cost others as much
    /// (docs/defaults.md, "Linear skip"). Dense rows only: sparse rows refuse it (it would be a second row-sparse product
    /// of every batch).
    /// </summary>
    public bool LinearSkip { get; set; }

    /// <summary>How weights start; <see cref="InitializerKind.Auto"/> picks He for ReLU-like activations and Xavier otherwise.</summary>
    public InitializerKind Initializer { get; set; } = InitializerKind.Auto;

    /// <summary>Standard deviation used by <see cref="InitializerKind.FixedStd"/>.</summary>
    public float InitialStd { get; set; } = 0.01f;

    /// <summary>The update rule.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.AdamW;

    /// <summary>The optimizer's own hyperparameters: momentum, Adam's β₁ and β₂, ε, RMSProp's decay.</summary>
    public OptimizerSettings OptimizerSettings { get; set; } = new() { Beta2 = 0.95f };

    /// <summary>Base learning rate: the rate of the first epoch, which <see cref="LearningRateSchedule"/> then changes.</summary>
    public float LearningRate { get; set; } = 2e-3f;

    /// <summary>
    /// Learning rate per epoch, such as <c>LearningRateSchedule.Step(30, 0.1f)</c>, or <c>LearningRateSchedule.Constant()</c>
    /// to keep <see cref="LearningRate"/> throughout. Null (the default) anneals it to 0 along a cosine over the run's
    /// epochs, that is <c>LearningRateSchedule.Cosine(epochs)</c>.
    /// </summary>
    public LearningRateSchedule? LearningRateSchedule { get; set; }

    /// <summary>
    /// Weight decay λ on weights, never on biases: with <see cref="OptimizerKind.AdamW"/> the decoupled decay
    /// w ← w − lr·λ·w; with the other optimizers an L2 term λ·w added to the gradient (use a far smaller λ there, such as 1e-4).
    /// 0 disables it.
    /// </summary>
    public float WeightDecay { get; set; } = 0.02f;

    /// <summary>Clips the global gradient norm to this value; null disables clipping.</summary>
    public float? GradientClipNorm { get; set; }

    /// <summary>
    /// Regression only: train on standardised targets (t − mean)/std and map predictions back,
    /// so targets of any scale train with the same learning rate. The model keeps the scaling.
    /// </summary>
    public bool StandardizeRegressionTargets { get; set; } = true;

    /// <summary>How the model scales its inputs before the first layer; it is fitted on the training rows and saved in the model.</summary>
    public InputScaling InputScaling { get; set; } = InputScaling.Robust;

    /// <summary>
    /// The bound b of the smooth clipping z / √(1 + (z/b)²) after <see cref="InputScaling.Robust"/> scaling: scaled values
    /// stay within ±b, and outliers cannot dominate a layer. Null disables clipping.
    /// </summary>
    public float? SmoothClipBound { get; set; } = 3f;

    /// <summary>
    /// Reject missing feature values (NaN) with an error naming the row and column, instead of filling them with the
    /// training median and adding a missing-value indicator input for each feature that had them.
    /// </summary>
    public bool RejectMissingFeatures { get; set; }

    /// <summary>Rows per mini-batch; null (the default) picks it from the number of training rows (<see cref="DataSizeRules.BatchSize"/>).</summary>
    public int? BatchSize { get; set; }

    /// <summary>
    /// Passes over the training data (fewer with early stopping or <see cref="MaximumTrainingTime"/>); null (the default)
    /// picks it from the number of training rows, and a small fixed number for sparse rows (<see cref="DataSizeRules.NumberOfEpochs"/>).
    /// </summary>
    public int? NumberOfEpochs { get; set; }

    /// <summary>Reshuffle the training rows every epoch.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>
    /// How the ML.NET trainers read the training data: into memory, streamed through a cursor once per epoch (memory bounded
    /// whatever the row count), or <see cref="MLNetScratchTrainer.DataLoading.Auto"/>, which streams when the rows would take more than a
    /// quarter of the available memory (<see cref="Streaming.StreamingRules.ChoosesStreaming"/>). The engine's
    /// <c>MlpTrainer.Fit(Dataset)</c> always trains in memory and <c>Fit(IRowSource)</c> always streams.
    /// </summary>
    public DataLoading DataLoading { get; set; } = DataLoading.Auto;

    /// <summary>
    /// Streaming only: rows in the shuffle buffer through which streamed rows pass (see <c>ShuffleBuffer</c>); larger mixes
    /// rows from further apart in the file. Null (the default) holds 64 MB of rows, at least four batches
    /// (<see cref="Streaming.StreamingRules.ShuffleBufferRows"/>).
    /// </summary>
    public int? ShuffleBufferRows { get; set; }

    /// <summary>
    /// Fraction of the training rows held out for validation when no validation set is given; 0 holds out none.
    /// The validation loss and metric of every epoch go to the history.
    /// </summary>
    public float ValidationFraction { get; set; } = 0.1f;

    /// <summary>
    /// With validation data, return the weights of the best epoch rather than the last: the highest validation metric
    /// (accuracy or R²), and among equals the lowest validation loss.
    /// </summary>
    public bool KeepBestEpoch { get; set; } = true;

    /// <summary>
    /// Averages the weights over the optimizer's steps, an exponential moving average a ← a + (1 − β)(w − a) after each step
    /// with β = 1 − 1 / (this many epochs × steps per epoch), and validates and keeps the average instead of the trained
    /// weights; 0 disables it. Default 1 epoch: the average smooths the noise of the last steps, which matters most when
    /// early stopping ends a run at a high learning rate (docs/defaults.md). Sparse training data skips it: the average
    /// would update every row of the first layer at every step, where the lazy Adam update touches only the rows of the
    /// features a batch uses.
    /// </summary>
    public float WeightAveragingEpochs { get; set; } = 1f;

    /// <summary>
    /// The validation metric of binary classification, which picks the best epoch and drives early stopping (see
    /// <see cref="MLNetScratchTrainer.BinaryValidationMetric"/>). Multiclass classification uses accuracy, regression R².
    /// </summary>
    public BinaryValidationMetric BinaryValidationMetric { get; set; } = BinaryValidationMetric.Accuracy;

    /// <summary>
    /// Early stopping: stop after this many epochs without a validation metric above the best by more than
    /// <see cref="EarlyStoppingTolerance"/> (or an equal metric with a loss lower by more than it), keeping the best
    /// epoch's weights; 0 disables it. Null (the default) picks it from the number of training rows
    /// (<see cref="DataSizeRules.EarlyStoppingPatience"/>: 20, or 5 from 5,000 rows on).
    /// Needs validation data: a validation set or <see cref="ValidationFraction"/> above 0.
    /// </summary>
    public int? EarlyStoppingPatience { get; set; }

    /// <summary>The improvement of the validation metric (or loss) that resets the patience of early stopping (scikit-learn's <c>tol</c>).</summary>
    public float EarlyStoppingTolerance { get; set; } = 1e-4f;

    /// <summary>
    /// Stop training once this much time has passed (checked after every mini-batch) and return the best model so far;
    /// null sets no limit. The epoch under way ends at the limit and is validated and recorded like any other.
    /// </summary>
    public TimeSpan? MaximumTrainingTime { get; set; }

    /// <summary>Seed of initialisation, shuffling, dropout and the validation split; null uses <see cref="DefaultSeed"/> (the ML.NET trainers take one from the <c>MLContext</c>).</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Threads for the matrix products; null uses every core, or the calling thread alone while that measures faster per
    /// training step (a small network on a busy machine; see <c>ThreadChoice</c>). Results do not depend on it.
    /// </summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>Called after every epoch with its record (on the training thread).</summary>
    public Action<EpochRecord>? EpochCompleted { get; set; }

    /// <summary>Called after every mini-batch with (epoch, batch, batches per epoch), for live progress displays.</summary>
    public Action<int, int, int>? BatchCompleted { get; set; }

    /// <summary>The hidden layers a run on rows of <paramref name="featureCount"/> features uses: <see cref="HiddenLayers"/> or the rule's for the data's shape.</summary>
    /// <param name="featureCount">Features per row.</param>
    /// <param name="sparse">Whether the rows are sparse (a data set made from a <see cref="Tensors.SparseMatrix"/>).</param>
    public int[] HiddenLayersFor(int featureCount, bool sparse) => HiddenLayers ?? DataSizeRules.HiddenLayers(featureCount, sparse);

    /// <summary>The batch size a run on <paramref name="trainingRows"/> rows uses: <see cref="BatchSize"/> or the rule's, never more than the rows.</summary>
    public int BatchSizeFor(int trainingRows) => Math.Min(BatchSize ?? DataSizeRules.BatchSize(trainingRows), Math.Max(1, trainingRows));

    /// <summary>The most epochs a run on <paramref name="trainingRows"/> rows trains: <see cref="NumberOfEpochs"/> or the rule's.</summary>
    /// <param name="trainingRows">Training rows after the validation split.</param>
    /// <param name="sparse">Whether the rows are sparse.</param>
    public int NumberOfEpochsFor(int trainingRows, bool sparse = false) => NumberOfEpochs ?? DataSizeRules.NumberOfEpochs(trainingRows, sparse);

    /// <summary>The early-stopping patience of a run on <paramref name="trainingRows"/> rows: <see cref="EarlyStoppingPatience"/> or the rule's.</summary>
    public int EarlyStoppingPatienceFor(int trainingRows) => EarlyStoppingPatience ?? DataSizeRules.EarlyStoppingPatience(trainingRows);

    /// <summary>The label smoothing a run of <paramref name="task"/> uses: <see cref="LabelSmoothing"/>, or the task's default.</summary>
    public float LabelSmoothingFor(MlpTask task) => LabelSmoothing ?? (task == MlpTask.MulticlassClassification ? DefaultMulticlassLabelSmoothing : 0f);

    /// <summary>The schedule in force for a run of <paramref name="epochs"/> epochs: <see cref="LearningRateSchedule"/>, or the default cosine over them.</summary>
    public LearningRateSchedule ScheduleFor(int epochs) => LearningRateSchedule ?? MLNetScratchTrainer.LearningRateSchedule.Cosine(epochs);

    /// <summary>A copy of these options as engine options, with its own hidden-layer array, so later changes to either do not reach the other.</summary>
    public MlpTrainerOptions Clone()
    {
        var copy = (MlpTrainerOptions)MemberwiseClone();
        copy.HiddenLayers = HiddenLayers is null ? null : [.. HiddenLayers];
        return copy;
    }

    /// <summary>Checks every value and names the first one out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        Require(HiddenLayers is null || HiddenLayers.All(units => units > 0), nameof(HiddenLayers), "every hidden layer needs at least 1 unit, or null for the data-shape rule");
        Require(Enum.IsDefined(Task), nameof(Task), "a defined task");
        Require(ClassCount is null || ClassCount >= 2, nameof(ClassCount), "at least 2 classes");
        Require(DropoutRate >= 0f && DropoutRate < 1f, nameof(DropoutRate), "a rate in [0, 1)");
        Require(LabelSmoothing is null || (LabelSmoothing >= 0f && LabelSmoothing < 1f), nameof(LabelSmoothing), "a value in [0, 1), or null for the task's default");
        Require(float.IsFinite(LearningRate) && LearningRate > 0f, nameof(LearningRate), "a positive finite number");
        Require(float.IsFinite(WeightDecay) && WeightDecay >= 0f, nameof(WeightDecay), "zero or a positive finite number");
        Require(GradientClipNorm is null || GradientClipNorm > 0f, nameof(GradientClipNorm), "a positive number");
        Require(InitialStd > 0f && float.IsFinite(InitialStd), nameof(InitialStd), "a positive finite number");
        Require(Enum.IsDefined(InputScaling), nameof(InputScaling), "a defined input scaling");
        Require(SmoothClipBound is null || (SmoothClipBound > 0f && float.IsFinite(SmoothClipBound.Value)), nameof(SmoothClipBound), "a positive finite bound, or null for no clipping");
        Require(BatchSize is null || BatchSize >= 1, nameof(BatchSize), "at least 1, or null for the data-size rule");
        Require(NumberOfEpochs is null || NumberOfEpochs >= 1, nameof(NumberOfEpochs), "at least 1, or null for the data-size rule");
        Require(Enum.IsDefined(DataLoading), nameof(DataLoading), "a defined data loading");
        Require(ShuffleBufferRows is null || ShuffleBufferRows >= 1, nameof(ShuffleBufferRows), "at least 1, or null for 64 MB of rows");
        Require(ValidationFraction >= 0f && ValidationFraction < 1f, nameof(ValidationFraction), "a fraction in [0, 1)");
        Require(WeightAveragingEpochs >= 0f && float.IsFinite(WeightAveragingEpochs), nameof(WeightAveragingEpochs), "zero (off) or a positive finite number of epochs");
        Require(Enum.IsDefined(BinaryValidationMetric), nameof(BinaryValidationMetric), "a defined metric");
        Require(EarlyStoppingPatience is null || EarlyStoppingPatience >= 0, nameof(EarlyStoppingPatience), "zero (off), a positive number of epochs, or null for the data-size rule");
        Require(EarlyStoppingTolerance >= 0f && float.IsFinite(EarlyStoppingTolerance), nameof(EarlyStoppingTolerance), "zero or a positive finite number");
        Require(MaximumTrainingTime is null || MaximumTrainingTime > TimeSpan.Zero, nameof(MaximumTrainingTime), "a positive time span, or null for no limit");
        Require(NumberOfThreads is null || NumberOfThreads >= 1, nameof(NumberOfThreads), "at least 1");
        Require(OptimizerSettings is not null, nameof(OptimizerSettings), "settings, not null");
    }

    private static void Require(bool condition, string option, string expected)
    {
        if (!condition)
        {
            throw new ArgumentException($"Option {option} is out of range: expected {expected}.", option);
        }
    }
}
