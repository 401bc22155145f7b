using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Streaming;
using MLNetScratchTrainer.Engine.Training;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// What the three Mlp trainers share: column checks (in <see cref="GetOutputSchema"/> and in <c>Fit</c>), reading the data
/// through a cursor, training the engine network with progress in <c>mlContext.Log</c>, and making the transformer.
/// </summary>
/// <typeparam name="TTransformer">The trained transformer.</typeparam>
public abstract class MlpTrainerBase<TTransformer> : IEstimator<TTransformer>
    where TTransformer : MlpTransformerBase
{
    private readonly IHost _host;
    private readonly MlpOptions _options;

    private protected MlpTrainerBase(IHostEnvironment environment, MlpOptions options, MlpTask task)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Copy();
        Task = task;
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.LabelColumnName, "options.LabelColumnName");
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.FeatureColumnName, "options.FeatureColumnName");
        if (_options.ExampleWeightColumnName is { } weight)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(weight, "options.ExampleWeightColumnName");
        }

        _options.ToEngineOptions(task, classCount: null, seed: 0); // validates every option now, so that a bad one fails here rather than in Fit
        _host = environment.Register($"Mlp{task}Trainer");
    }

    /// <summary>The task this trainer learns.</summary>
    private protected MlpTask Task { get; }

    /// <summary>The label column's name.</summary>
    private protected string LabelColumnName => _options.LabelColumnName;

    /// <summary>What a valid label column is, for messages, such as "a Single".</summary>
    private protected abstract string LabelColumnRequirement { get; }

    /// <summary>What a valid label value is, for messages about one row.</summary>
    private protected abstract string LabelValueRequirement { get; }

    /// <summary>Trains on <paramref name="input"/>; with <see cref="MlpTrainerOptions.ValidationFraction"/> above 0, part of it is held out for validation.</summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, or the data is empty or holds an invalid value; the message names the column and row.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TTransformer Fit(IDataView input) => Train(input, validationData: null);

    /// <summary>Trains on <paramref name="trainData"/> and measures every epoch on <paramref name="validationData"/>, which early stopping (<see cref="MlpTrainerOptions.EarlyStoppingPatience"/>) uses.</summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type in either data view, or a value is invalid.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TTransformer Fit(IDataView trainData, IDataView validationData)
    {
        ArgumentNullException.ThrowIfNull(validationData);
        return Train(trainData, validationData);
    }

    /// <summary>The input columns plus the columns the trained transformer will add; checks the label, feature and weight columns.</summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type; the message names it and what was expected.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = inputSchema.ToDictionary(column => column.Name);
        CheckColumns(name => columns.TryGetValue(name, out var column) ? ColumnShape.Of(column) : null, columns.Keys, "input schema");
        foreach (var added in GetOutputColumnShapes(columns[LabelColumnName]))
        {
            columns[added.Name] = added;
        }

        return new SchemaShape(columns.Values);
    }

    /// <summary>Whether the label column's kind and type suit the task (see <see cref="LabelColumnRequirement"/>).</summary>
    private protected abstract bool IsValidLabel(ColumnShape label);

    /// <summary>The columns the transformer adds, given the label column's shape.</summary>
    private protected abstract IEnumerable<SchemaShape.Column> GetOutputColumnShapes(SchemaShape.Column label);

    /// <summary>A scalar, non-key output column with the score annotations, as the binary and regression transformers add.</summary>
    private protected static SchemaShape.Column ScalarOutputShape(string name, DataViewType itemType)
        => MlNetInternals.CreateColumnShape(name, SchemaShape.Column.VectorKind.Scalar, itemType, isKey: false, ScoreAnnotations.Shape());

    /// <summary>Further checks of the label column once the data is known (such as its key count); returns the class count for multiclass.</summary>
    private protected virtual int? InspectLabelColumn(DataViewSchema.Column label) => null;

    /// <summary>Makes, for a cursor, a function returning the current label as the engine expects it (class index, 0/1 or value), or NaN when it is missing or invalid.</summary>
    private protected abstract Func<float> CreateLabelReader(DataViewRow cursor, DataViewSchema.Column label);

    /// <summary>Checks the labels of the training rows as a whole (such as the number of classes present).</summary>
    private protected virtual void CheckTrainingLabels(float[] labels)
    {
    }

    /// <summary>Wraps a trained model in the task's transformer.</summary>
    private protected abstract TTransformer CreateTransformer(MlpModel model, string featureColumnName, DataViewSchema.Column label);

    private TTransformer Train(IDataView trainData, IDataView? validationData)
    {
        ArgumentNullException.ThrowIfNull(trainData);
        using var channel = _host.Start("Training");
        var trainColumns = FindColumns(trainData.Schema, "training data");
        int? classCount = InspectLabelColumn(trainColumns.Label);
        bool streaming = ChoosesStreaming(trainData, trainColumns);
        var train = streaming ? null : ReadData(trainData, trainColumns, channel, "training data");
        if (train is not null)
        {
            CheckTrainingLabels(train.Labels);
        }

        Dataset? validation = null;
        if (validationData is not null)
        {
            var validationColumns = FindColumns(validationData.Schema, "validation data");
            if (validationColumns.FeatureCount != trainColumns.FeatureCount)
            {
                throw new ArgumentException(
                    $"Feature column '{_options.FeatureColumnName}' holds {validationColumns.FeatureCount} values per row in the validation data but {trainColumns.FeatureCount} in the training data.",
                    nameof(validationData));
            }

            if (!validationColumns.Label.Type.Equals(trainColumns.Label.Type))
            {
                throw new ArgumentException(
                    $"Label column '{_options.LabelColumnName}' has type {validationColumns.Label.Type} in the validation data but {trainColumns.Label.Type} in the training data.",
                    nameof(validationData));
            }

            validation = ReadData(validationData, validationColumns, channel, "validation data");
        }

        var options = _options.ToEngineOptions(Task, classCount, _options.Seed ?? _host.Rand.Next());
        var epochCompleted = options.EpochCompleted;
        options.EpochCompleted = record =>
        {
            channel.Info(MessageSensitivity.None, Describe(record, options.NumberOfEpochs));
            epochCompleted?.Invoke(record);
        };
        string rows = train is null ? $"training rows streamed from the data view ({trainData.GetRowCount()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown number of"} rows)" : $"{train.Count} training rows";
        channel.Info(MessageSensitivity.None,
            $"Training an Mlp ({Task}): {trainColumns.FeatureCount} features, hidden layers [{string.Join(", ", options.HiddenLayersFor(trainColumns.FeatureCount, train?.SparseFeatures is not null))}]{(train?.SparseFeatures is null ? string.Empty : " on sparse rows")}, {rows}" +
            (validation is null ? string.Empty : $", {validation.Count} validation rows") +
            $", at most {EpochText(options.NumberOfEpochs)} epochs" + (options.MaximumTrainingTime is TimeSpan limit ? $", at most {limit.TotalSeconds:G4} s." : "."));
        var clock = Stopwatch.StartNew();
        var model = train is null ? FitStreaming(options, trainData, trainColumns, validation, channel) : new MlpTrainer(options).Fit(train, validation);
        var history = model.History;
        channel.Info(MessageSensitivity.None,
            $"Mlp training finished in {clock.Elapsed.TotalSeconds:F1} s: {history.StopReason} after {history.Epochs.Count} epochs; the model holds the weights of epoch {history.BestEpoch}.");
        return CreateTransformer(model, _options.FeatureColumnName, trainColumns.Label);
    }

    /// <summary>
    /// Whether to stream the training rows (<see cref="MlpTrainerOptions.DataLoading"/>, and for <see cref="DataLoading.Auto"/>
    /// <see cref="StreamingRules.ChoosesStreaming"/> with the data view's row count and the memory available to the process).
    /// Sparse feature columns are read into memory, in memory proportional to their non-zeros.
    /// </summary>
    /// <exception cref="ArgumentException">Streaming is asked for a sparse feature column.</exception>
    private bool ChoosesStreaming(IDataView data, TrainingColumns columns)
    {
        if (columns.FeatureCount < SparseFeatureBuffer.SlotThreshold)
        {
            return StreamingRules.ChoosesStreaming(_options.DataLoading, data.GetRowCount(), columns.FeatureCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        }

        if (_options.DataLoading == DataLoading.Streaming)
        {
            throw new ArgumentException(
                $"{nameof(MlpOptions.DataLoading)} is {DataLoading.Streaming}, but feature column '{columns.Features.Name}' has {columns.FeatureCount} slots and is read as sparse rows, " +
                $"which stream only into memory (in proportion to their non-zeros): use {nameof(DataLoading)}.{nameof(DataLoading.Auto)} or {nameof(DataLoading.InMemory)}.");
        }

        return false;
    }

    private MlpModel FitStreaming(MlpTrainerOptions options, IDataView data, TrainingColumns columns, Dataset? validation, IChannel channel)
    {
        var source = new CursorRowSource(data, columns, cursor => CreateLabelReader(cursor, columns.Label), LabelValueRequirement, _options.RejectMissingFeatures, _options.DropInvalidRows, "training data");
        var model = new MlpTrainer(options).Fit(source, validation);
        RowProblems.ReportDropped(channel, source.DroppedRows, source.Rows, "training data");
        return model;
    }

    private Dataset ReadData(IDataView data, TrainingColumns columns, IChannel channel, string dataName)
        => DatasetReader.Read(data, columns, cursor => CreateLabelReader(cursor, columns.Label), LabelValueRequirement, _options.RejectMissingFeatures, _options.DropInvalidRows, channel, dataName);

    private TrainingColumns FindColumns(DataViewSchema schema, string dataName)
    {
        CheckColumns(name => schema.GetColumnOrNull(name) is { } column ? ColumnShape.Of(column) : null, schema.Select(column => column.Name), dataName);
        var weight = _options.ExampleWeightColumnName is { } weightName ? schema[weightName] : (DataViewSchema.Column?)null;
        return new TrainingColumns(schema[_options.FeatureColumnName], schema[_options.LabelColumnName], weight);
    }

    /// <summary>The one check of the three columns, for a <see cref="SchemaShape"/> and for a <see cref="DataViewSchema"/>.</summary>
    private void CheckColumns(Func<string, ColumnShape?> find, IEnumerable<string> available, string dataName)
    {
        Check(_options.FeatureColumnName, "feature column", "a known-size vector of Single (for example the output of mlContext.Transforms.Concatenate)",
            shape => shape is { Kind: SchemaShape.Column.VectorKind.Vector, IsKey: false } && shape.ItemType == NumberDataViewType.Single);
        Check(_options.LabelColumnName, "label column", LabelColumnRequirement, IsValidLabel);
        if (_options.ExampleWeightColumnName is { } weight)
        {
            Check(weight, "example weight column", "a Single", shape => shape.IsScalarOf(NumberDataViewType.Single));
        }

        void Check(string name, string role, string expected, Func<ColumnShape, bool> isValid)
        {
            var shape = find(name)
                ?? throw new ArgumentException($"The {role} '{name}' is not in the {dataName}; expected {expected}. The {dataName} has: {string.Join(", ", available)}.");
            if (!isValid(shape))
            {
                throw new ArgumentException($"The {role} '{name}' of the {dataName} has type {shape}; expected {expected}.");
            }
        }
    }

    private static string EpochText(int? epochs) => epochs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "the data-size rule's number of";

    private string Describe(EpochRecord record, int? epochs)
    {
        string metric = Task switch
        {
            MlpTask.Regression => "R²",
            MlpTask.BinaryClassification when _options.BinaryValidationMetric == BinaryValidationMetric.AreaUnderRocCurve => "AUC",
            _ => "accuracy",
        };
        string validation = record.ValidationLoss is double loss
            ? $", validation loss {loss:G4}, validation {metric} {record.ValidationMetric:G4}"
            : string.Empty;
        return $"Mlp epoch {record.Epoch}{(epochs is null ? string.Empty : $"/{epochs}")}: training loss {record.TrainLoss:G4}{validation}, learning rate {record.LearningRate:G3} ({record.Seconds:F2} s).";
    }
}
