using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// Everything that shapes a training run. Defaults follow scikit-learn's MLPClassifier where it has one
/// (one hidden layer of 100 ReLU units, Adam with learning rate 0.001) and work on standardised tabular data.
/// </summary>
public sealed class MlpTrainerOptions
{
    /// <summary>What to predict; fixes the head and loss.</summary>
    public MlpTask Task { get; set; } = MlpTask.MulticlassClassification;

    /// <summary>Number of classes for multiclass; null infers it as the largest label + 1.</summary>
    public int? ClassCount { get; set; }

    /// <summary>Units of each hidden layer, input side first.</summary>
    public int[] HiddenLayers { get; set; } = [100];

    /// <summary>Activation of the hidden layers.</summary>
    public Activation Activation { get; set; } = Activation.Relu;

    /// <summary>Dropout rate after each hidden activation (0 disables it).</summary>
    public float DropoutRate { get; set; }

    /// <summary>Batch normalisation between each hidden dense layer and its activation.</summary>
    public bool BatchNormalization { get; set; }

    /// <summary>How weights start; <see cref="InitializerKind.Auto"/> picks He for ReLU-like activations and Xavier otherwise.</summary>
    public InitializerKind Initializer { get; set; } = InitializerKind.Auto;

    /// <summary>Standard deviation used by <see cref="InitializerKind.FixedStd"/>.</summary>
    public float InitialStd { get; set; } = 0.01f;

    /// <summary>The update rule.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    /// <summary>Momentum, β₁, β₂, ε and the RMSProp decay of the optimizer.</summary>
    public OptimizerSettings OptimizerSettings { get; set; } = new();

    /// <summary>Base learning rate.</summary>
    public float LearningRate { get; set; } = 1e-3f;

    /// <summary>Learning rate per epoch; null keeps it constant.</summary>
    public LearningRateSchedule? Schedule { get; set; }

    /// <summary>
    /// Weight decay λ on weights, never on biases: an L2 term λ·w added to the gradient, or with
    /// <see cref="OptimizerKind.AdamW"/> the decoupled decay w ← w − lr·λ·w.
    /// </summary>
    public float WeightDecay { get; set; }

    /// <summary>Clips the global gradient norm to this value; null disables clipping.</summary>
    public float? GradientClipNorm { get; set; }

    /// <summary>
    /// Regression only: train on standardised targets (t − mean)/std and map predictions back,
    /// so targets of any scale train with the same learning rate. The model keeps the scaling.
    /// </summary>
    public bool StandardizeRegressionTargets { get; set; } = true;

    /// <summary>Rows per mini-batch.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>Passes over the training data.</summary>
    public int NumberOfEpochs { get; set; } = 20;

    /// <summary>Reshuffle the rows every epoch.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>
    /// Fraction of the training rows held out for validation when no validation set is given (0 disables it).
    /// </summary>
    public float ValidationFraction { get; set; }

    /// <summary>
    /// Stop after this many epochs without a lower validation loss, restoring the best epoch's weights (0 disables early stopping).
    /// Needs validation data: a validation set or <see cref="ValidationFraction"/>.
    /// </summary>
    public int EarlyStoppingPatience { get; set; }

    /// <summary>Seed of initialisation, shuffling, dropout and the validation split.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Threads for the matrix products; null uses every core. Results do not depend on it.</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>Called after every epoch with its record (on the training thread).</summary>
    public Action<EpochRecord>? EpochCompleted { get; set; }

    /// <summary>Called after every mini-batch with (epoch, batch, batches per epoch), for live progress displays.</summary>
    public Action<int, int, int>? BatchCompleted { get; set; }

    /// <summary>Checks every value and names the first one out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        Require(HiddenLayers is not null && HiddenLayers.All(units => units > 0), nameof(HiddenLayers), "every hidden layer needs at least 1 unit");
        Require(ClassCount is null || ClassCount >= 2, nameof(ClassCount), "at least 2 classes");
        Require(DropoutRate >= 0f && DropoutRate < 1f, nameof(DropoutRate), "a rate in [0, 1)");
        Require(float.IsFinite(LearningRate) && LearningRate > 0f, nameof(LearningRate), "a positive finite number");
        Require(float.IsFinite(WeightDecay) && WeightDecay >= 0f, nameof(WeightDecay), "zero or a positive finite number");
        Require(GradientClipNorm is null || GradientClipNorm > 0f, nameof(GradientClipNorm), "a positive number");
        Require(InitialStd > 0f && float.IsFinite(InitialStd), nameof(InitialStd), "a positive finite number");
        Require(BatchSize >= 1, nameof(BatchSize), "at least 1");
        Require(NumberOfEpochs >= 1, nameof(NumberOfEpochs), "at least 1");
        Require(ValidationFraction >= 0f && ValidationFraction < 1f, nameof(ValidationFraction), "a fraction in [0, 1)");
        Require(EarlyStoppingPatience >= 0, nameof(EarlyStoppingPatience), "zero (off) or a positive number of epochs");
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
