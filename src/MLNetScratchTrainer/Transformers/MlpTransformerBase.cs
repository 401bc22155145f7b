using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Onnx;
using MLNetScratchTrainer.Persistence;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// A trained Mlp in an ML.NET pipeline: reads a feature vector per row and adds the task's output columns, lazily.
/// Works with <c>Transform</c>, <c>PredictionEngine</c>, ML.NET's evaluators, permutation feature importance and
/// <c>mlContext.Model.Save</c>/<c>Load</c>.
/// </summary>
/// <remarks>
/// The trainers and the model loader create each task's transformer as a subclass defined in
/// <c>MLNetScratchTrainer.Loaders.dll</c>, which adds ML.NET's internal prediction-transformer interface (see
/// <see cref="Interop.LoaderAssemblyWriter"/>); code sees, and casts to, the public types. Their constructors are internal,
/// so no other subclass can exist.
/// </remarks>
public abstract class MlpTransformerBase : ISingleFeaturePredictionTransformer<MlpModel>
{
    private protected MlpTransformerBase(MlpModel model, string featureColumnName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(featureColumnName);
        Model = model;
        FeatureColumnName = featureColumnName;
        FeatureColumnType = new VectorDataViewType(NumberDataViewType.Single, model.InputSize);
    }

    /// <summary>The trained engine model: architecture, weights (<see cref="MlpModel.GetTensor"/>, <see cref="MlpModel.CreateNetwork"/>) and history.</summary>
    public MlpModel Model { get; }

    /// <summary>Per-epoch losses and metrics of the training run, and why it stopped.</summary>
    public TrainingHistory History => Model.History;

    /// <summary>The column the features are read from.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The feature column's type: a vector of <see cref="MlpModel.InputSize"/> Single values.</summary>
    public DataViewType FeatureColumnType { get; }

    /// <summary>Always true: the transformer maps each row on its own.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>Whether the row scorer should produce raw network outputs (logits) rather than predictions.</summary>
    internal virtual bool ScoresFromLogits => false;

    /// <summary>The label's key values kept for <c>PredictedLabel</c> (multiclass), or null.</summary>
    internal virtual LabelKeyValues? LabelKeyValues => null;

    /// <summary>The schema of the data after <see cref="Transform"/>, without reading any data.</summary>
    /// <exception cref="ArgumentException">The feature column is missing, not a vector of Single, or of the wrong size.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => new SchemaBinding(this, inputSchema).OutputSchema;

    /// <summary>
    /// Adds the output columns to <paramref name="input"/>, lazily: nothing is computed until a cursor reads them. The result
    /// also takes part in ML.NET's <c>mlContext.Model.ConvertToOnnx</c>, which then writes the Mlp into its file.
    /// </summary>
    /// <exception cref="ArgumentException">The feature column is missing, not a vector of Single, or of the wrong size.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scored = new ScoredDataView(input, new SchemaBinding(this, input.Schema));
        return OnnxSavableView.Wrap(scored, input, context => ConvertToOnnxPart.Write(this, scored.Schema, context));
    }

    /// <summary>The row-to-row mapper for <paramref name="inputSchema"/> (used by <c>PredictionEngine</c>).</summary>
    /// <exception cref="ArgumentException">The feature column is missing, not a vector of Single, or of the wrong size.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new MlpRowMapper(new SchemaBinding(this, inputSchema));

    /// <summary>Called by <c>mlContext.Model.Save</c>; see <see cref="MlpPersistence"/>.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => MlpPersistence.Save(ctx, new TransformerPayload(Model, FeatureColumnName, LabelKeyValues));

    /// <summary>The columns this transformer adds to <paramref name="inputSchema"/>.</summary>
    internal abstract IReadOnlyList<OutputColumn> CreateOutputColumns(DataViewSchema inputSchema);
}
