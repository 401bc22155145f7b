using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Onnx;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Onnx;

/// <summary>
/// Exports a fitted Mlp, alone or with the normalizers that feed it, as an ONNX model for ONNX Runtime in any language.
/// The graph takes the raw feature vector (float [N, features], named after the feature column) and returns, per task,
/// <c>probabilities</c> + <c>predicted_class</c>, <c>probability</c> + <c>score</c>, or <c>value</c> (see <see cref="MlpOnnxOutputs"/>).
/// </summary>
/// <remarks>
/// ML.NET's own <c>mlContext.Model.ConvertToOnnx</c> also writes the Mlp (see docs/onnx.md), with ML.NET's column-shaped
/// graph (every input column an input, <c>Score.output</c>, <c>PredictedLabel.output</c>, …). These methods write a file
/// shaped for serving instead — one raw feature input, named outputs, metadata — and need no Microsoft.ML.OnnxConverter.
/// </remarks>
public static class MlpOnnxExtensions
{
    /// <summary>
    /// Writes a fitted pipeline of the usual shape — a feature vector (from a Concatenate or the input), affine normalizers
    /// (NormalizeMinMax, NormalizeMeanVariance, …) and one Mlp, optionally followed by MapKeyToValue — as one ONNX file whose
    /// input is the raw feature vector. Steps off the feature path (label conversions, other columns) are not part of the graph.
    /// </summary>
    /// <param name="catalog">The model operations catalog, <c>mlContext.Model</c>.</param>
    /// <param name="model">The fitted pipeline.</param>
    /// <param name="inputSchema">The schema of the data the pipeline was fitted on (for example <c>trainData.Schema</c>).</param>
    /// <param name="path">The .onnx file to write (atomically).</param>
    /// <exception cref="NotSupportedException">A step of the pipeline cannot be exported; the message names it.</exception>
    public static void ExportMlpToOnnx(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, string path)
    {
        var (graph, info) = Build(PipelineLayout.Read(model, inputSchema));
        OnnxModelFile.Save(graph, info, path);
    }

    /// <summary>The ONNX file of <see cref="ExportMlpToOnnx(ModelOperationsCatalog, ITransformer, DataViewSchema, string)"/> as bytes.</summary>
    /// <exception cref="NotSupportedException">A step of the pipeline cannot be exported; the message names it.</exception>
    public static byte[] ExportMlpToOnnx(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema)
    {
        var (graph, info) = Build(PipelineLayout.Read(model, inputSchema));
        return OnnxModelFile.ToBytes(graph, info);
    }

    /// <summary>
    /// Writes the Mlp alone as an ONNX file: its input, named after <see cref="MlpTransformerBase.FeatureColumnName"/>, takes the
    /// features exactly as the transformer reads them (already normalized if the pipeline normalizes them).
    /// </summary>
    public static void ExportToOnnx(this MlpTransformerBase transformer, string path)
    {
        var (graph, info) = Build(transformer);
        OnnxModelFile.Save(graph, info, path);
    }

    /// <summary>The ONNX file of <see cref="ExportToOnnx(MlpTransformerBase, string)"/> as bytes.</summary>
    public static byte[] ToOnnxBytes(this MlpTransformerBase transformer)
    {
        var (graph, info) = Build(transformer);
        return OnnxModelFile.ToBytes(graph, info);
    }

    private static (OnnxGraph Graph, OnnxModelInfo Info) Build(MlpTransformerBase transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return Build(transformer, [], transformer.FeatureColumnName, featureNames: null);
    }

    private static (OnnxGraph Graph, OnnxModelInfo Info) Build(PipelineLayout layout)
        => Build(layout.Mlp, layout.Normalizers, layout.Input.Name, SlotNames(layout.Input));

    private static (OnnxGraph Graph, OnnxModelInfo Info) Build(MlpTransformerBase mlp, IReadOnlyList<AffineStep> normalizers, string inputName, IReadOnlyList<string>? featureNames)
    {
        var model = mlp.Model;
        var graph = new OnnxGraph();
        string x = graph.AddInput(inputName, OnnxElementType.Float, model.InputSize);
        foreach (var normalizer in normalizers)
        {
            x = normalizer.AppendTo(graph, x);
        }

        MlpOnnxExport.AddOutputs(graph, model.Architecture, MlpOnnxNetwork.Append(graph, model, x));
        var options = new MlpOnnxExportOptions
        {
            InputName = inputName,
            FeatureNames = featureNames,
            ClassNames = mlp.LabelKeyValues?.ToText().Select(name => name.ToString()).ToArray(),
        };
        return (graph, MlpOnnxExport.CreateInfo(model.Architecture, options));
    }

    private static string[]? SlotNames(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull(ScoreAnnotations.SlotNames) is null)
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        column.Annotations.GetValue(ScoreAnnotations.SlotNames, ref names);
        return [.. names.DenseValues().Select(name => name.ToString())];
    }
}
