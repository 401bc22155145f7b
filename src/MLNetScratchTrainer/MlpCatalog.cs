using Microsoft.ML;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Engine.Training;
using MLNetScratchTrainer.Trainers;

namespace MLNetScratchTrainer;

/// <summary>
/// The Mlp trainers in ML.NET's catalogs: <c>mlContext.MulticlassClassification.Trainers.Mlp(…)</c>,
/// <c>mlContext.BinaryClassification.Trainers.Mlp(…)</c> and <c>mlContext.Regression.Trainers.Mlp(…)</c>.
/// One <c>using MLNetScratchTrainer;</c> brings them in, with <see cref="MlpOptions"/>. Each has two overloads, as ML.NET's
/// trainers do: column names and the main hyperparameters (null keeps a default), or an <see cref="MlpOptions"/> with everything.
/// </summary>
public static class MlpCatalog
{
    /// <summary>A multiclass Mlp trainer; the label is a key (see <c>MapValueToKey</c>) or Single class indices, the features a known-size vector of Single.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="labelColumnName">The label column: a key, or Single class indices 0, 1, 2, ….</param>
    /// <param name="featureColumnName">The feature column, a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">An optional column of example weights (Single).</param>
    /// <param name="hiddenLayers">Units of each hidden layer; null keeps the default (<see cref="MlpTrainerOptions.HiddenLayers"/>).</param>
    /// <param name="numberOfEpochs">Most passes over the training data; null keeps the default (<see cref="MlpTrainerOptions.NumberOfEpochs"/>); the learning rate anneals to 0 over them.</param>
    /// <param name="learningRate">The learning rate at the first epoch; null keeps the default (<see cref="MlpTrainerOptions.LearningRate"/>).</param>
    /// <param name="batchSize">Rows per mini-batch; null keeps the default (<see cref="MlpTrainerOptions.BatchSize"/>).</param>
    public static MlpMulticlassTrainer Mlp(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label",
        string featureColumnName = "Features",
        string? exampleWeightColumnName = null,
        int[]? hiddenLayers = null,
        int? numberOfEpochs = null,
        float? learningRate = null,
        int? batchSize = null)
        => catalog.Mlp(CreateOptions(labelColumnName, featureColumnName, exampleWeightColumnName, hiddenLayers, numberOfEpochs, learningRate, batchSize));

    /// <summary>A multiclass Mlp trainer with every option.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="options">The options; later changes to them do not affect the trainer.</param>
    public static MlpMulticlassTrainer Mlp(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, MlpOptions options)
        => new(MlNetInternals.GetEnvironment(catalog), options);

    /// <summary>A binary Mlp trainer; the label is a Boolean (or a Single holding 0 or 1), the features a known-size vector of Single.</summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="labelColumnName">The label column, Boolean or Single.</param>
    /// <param name="featureColumnName">The feature column, a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">An optional column of example weights (Single).</param>
    /// <param name="hiddenLayers">Units of each hidden layer; null keeps the default (<see cref="MlpTrainerOptions.HiddenLayers"/>).</param>
    /// <param name="numberOfEpochs">Most passes over the training data; null keeps the default (<see cref="MlpTrainerOptions.NumberOfEpochs"/>); the learning rate anneals to 0 over them.</param>
    /// <param name="learningRate">The learning rate at the first epoch; null keeps the default (<see cref="MlpTrainerOptions.LearningRate"/>).</param>
    /// <param name="batchSize">Rows per mini-batch; null keeps the default (<see cref="MlpTrainerOptions.BatchSize"/>).</param>
    public static MlpBinaryTrainer Mlp(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label",
        string featureColumnName = "Features",
        string? exampleWeightColumnName = null,
        int[]? hiddenLayers = null,
        int? numberOfEpochs = null,
        float? learningRate = null,
        int? batchSize = null)
        => catalog.Mlp(CreateOptions(labelColumnName, featureColumnName, exampleWeightColumnName, hiddenLayers, numberOfEpochs, learningRate, batchSize));

    /// <summary>A binary Mlp trainer with every option.</summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="options">The options; later changes to them do not affect the trainer.</param>
    public static MlpBinaryTrainer Mlp(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, MlpOptions options)
        => new(MlNetInternals.GetEnvironment(catalog), options);

    /// <summary>A regression Mlp trainer; the label is a Single, the features a known-size vector of Single.</summary>
    /// <param name="catalog">The regression trainers catalog.</param>
    /// <param name="labelColumnName">The label column, Single.</param>
    /// <param name="featureColumnName">The feature column, a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">An optional column of example weights (Single).</param>
    /// <param name="hiddenLayers">Units of each hidden layer; null keeps the default (<see cref="MlpTrainerOptions.HiddenLayers"/>).</param>
    /// <param name="numberOfEpochs">Most passes over the training data; null keeps the default (<see cref="MlpTrainerOptions.NumberOfEpochs"/>); the learning rate anneals to 0 over them.</param>
    /// <param name="learningRate">The learning rate at the first epoch; null keeps the default (<see cref="MlpTrainerOptions.LearningRate"/>).</param>
    /// <param name="batchSize">Rows per mini-batch; null keeps the default (<see cref="MlpTrainerOptions.BatchSize"/>).</param>
    public static MlpRegressionTrainer Mlp(
        this RegressionCatalog.RegressionTrainers catalog,
        string labelColumnName = "Label",
        string featureColumnName = "Features",
        string? exampleWeightColumnName = null,
        int[]? hiddenLayers = null,
        int? numberOfEpochs = null,
        float? learningRate = null,
        int? batchSize = null)
        => catalog.Mlp(CreateOptions(labelColumnName, featureColumnName, exampleWeightColumnName, hiddenLayers, numberOfEpochs, learningRate, batchSize));

    /// <summary>A regression Mlp trainer with every option.</summary>
    /// <param name="catalog">The regression trainers catalog.</param>
    /// <param name="options">The options; later changes to them do not affect the trainer.</param>
    public static MlpRegressionTrainer Mlp(this RegressionCatalog.RegressionTrainers catalog, MlpOptions options)
        => new(MlNetInternals.GetEnvironment(catalog), options);

    private static MlpOptions CreateOptions(string labelColumnName, string featureColumnName, string? exampleWeightColumnName, int[]? hiddenLayers, int? numberOfEpochs, float? learningRate, int? batchSize)
    {
        var options = new MlpOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, ExampleWeightColumnName = exampleWeightColumnName };
        options.HiddenLayers = hiddenLayers ?? options.HiddenLayers;
        options.NumberOfEpochs = numberOfEpochs ?? options.NumberOfEpochs;
        options.LearningRate = learningRate ?? options.LearningRate;
        options.BatchSize = batchSize ?? options.BatchSize;
        return options;
    }
}
