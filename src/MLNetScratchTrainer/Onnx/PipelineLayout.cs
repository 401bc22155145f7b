using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Onnx;

/// <summary>
/// The parts of a fitted pipeline that the ONNX export needs: the one Mlp transformer, the affine normalizers that feed
/// its feature column (input side first), and the raw feature vector column they start from, which becomes the graph input:
/// the output of the last Concatenate that writes it, or the pipeline's input column. Steps that do not touch that
/// column's path (label conversions, other columns) are left out of the graph.
/// </summary>
internal sealed class PipelineLayout
{
    private PipelineLayout(MlpTransformerBase mlp, IReadOnlyList<AffineStep> normalizers, DataViewSchema.Column input)
    {
        Mlp = mlp;
        Normalizers = normalizers;
        Input = input;
    }

    /// <summary>The Mlp.</summary>
    public MlpTransformerBase Mlp { get; }

    /// <summary>The normalizers between the input column and the Mlp, in the order they apply.</summary>
    public IReadOnlyList<AffineStep> Normalizers { get; }

    /// <summary>The raw feature vector column, as the pipeline has it where the normalizers start.</summary>
    public DataViewSchema.Column Input { get; }

    /// <summary>Reads the layout of <paramref name="model"/> applied to data of <paramref name="inputSchema"/>.</summary>
    /// <exception cref="NotSupportedException">The pipeline has no Mlp or several, a non-affine normalizer or another transformer on the way into the Mlp, or a step after it that changes its outputs; the message names it.</exception>
    public static PipelineLayout Read(ITransformer model, DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        var steps = Flatten(model).ToList();
        var schemas = new List<DataViewSchema> { inputSchema };
        foreach (var step in steps)
        {
            schemas.Add(step.GetOutputSchema(schemas[^1]));
        }

        int[] mlps = [.. Enumerable.Range(0, steps.Count).Where(i => steps[i] is MlpTransformerBase)];
        if (mlps.Length != 1)
        {
            throw new NotSupportedException($"The ONNX export needs a pipeline with exactly one Mlp trainer; this one has {mlps.Length} (steps: {Describe(steps)}).");
        }

        int m = mlps[0];
        var mlp = (MlpTransformerBase)steps[m];
        foreach (var after in steps.Skip(m + 1).Where(step => step is not KeyToValueMappingTransformer))
        {
            throw new NotSupportedException(
                $"The ONNX export does not support {after.GetType().Name} after the Mlp; only MapKeyToValue may follow it (the class names are stored as metadata).");
        }

        string column = mlp.FeatureColumnName;
        var normalizers = new List<AffineStep>();
        int i = m - 1;
        for (; i >= 0; i--)
        {
            if (!Writes(schemas[i], schemas[i + 1], column))
            {
                continue;
            }

            if (steps[i] is ColumnConcatenatingTransformer)
            {
                break;
            }

            if (steps[i] is not NormalizingTransformer normalizer)
            {
                throw new NotSupportedException(
                    $"The ONNX export does not support {steps[i].GetType().Name}, which writes '{column}' on the way into the Mlp; " +
                    "between the raw feature vector (a Concatenate or an input column) and the Mlp only affine normalizers are supported.");
            }

            var step = AffineStep.Read(normalizer, column, mlp.Model.InputSize);
            normalizers.Insert(0, step);
            column = step.InputColumnName;
        }

        var input = schemas[i + 1].GetColumnOrNull(column)
            ?? throw new NotSupportedException($"The feature column '{column}' does not exist in the pipeline's input schema.");
        if (input.Type is not VectorDataViewType { ItemType: NumberDataViewType number, Size: int size } || number != NumberDataViewType.Single || size != mlp.Model.InputSize)
        {
            throw new NotSupportedException($"The ONNX input column '{column}' has type {input.Type}; the export needs a vector of {mlp.Model.InputSize} Single values.");
        }

        return new PipelineLayout(mlp, normalizers, input);
    }

    /// <summary>The transformers of a (possibly nested) chain, in order.</summary>
    private static IEnumerable<ITransformer> Flatten(ITransformer model)
        => model is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [model];

    /// <summary>Whether a step wrote <paramref name="column"/>: the name denotes another column after it than before.</summary>
    private static bool Writes(DataViewSchema before, DataViewSchema after, string column)
        => after.GetColumnOrNull(column) is { } written && before.GetColumnOrNull(column)?.Index != written.Index;

    private static string Describe(IEnumerable<ITransformer> steps) => string.Join(", ", steps.Select(s => s.GetType().Name));
}
