using System.Globalization;
using System.Reflection;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>
/// Exports a trained <see cref="MlpModel"/> as an ONNX model that ONNX Runtime (or any ONNX runtime) scores in any
/// language: input float [N, features] with a symbolic batch dimension N; outputs named in <see cref="MlpOnnxOutputs"/>.
/// </summary>
/// <example>
/// <code>
/// MlpOnnxExport.Save(model, "iris.onnx", new MlpOnnxExportOptions { ClassNames = ["setosa", "versicolor", "virginica"] });
/// </code>
/// </example>
public static class MlpOnnxExport
{
    /// <summary>The producer name written into every exported file.</summary>
    public const string ProducerName = "MLNetScratchTrainer";

    /// <summary>Writes the model as an ONNX file at <paramref name="path"/> (atomically).</summary>
    public static void Save(MlpModel model, string path, MlpOnnxExportOptions? options = null)
    {
        var (graph, info) = Build(model, options ?? new MlpOnnxExportOptions());
        OnnxModelFile.Save(graph, info, path);
    }

    /// <summary>The model as the bytes of an ONNX file.</summary>
    public static byte[] ToBytes(MlpModel model, MlpOnnxExportOptions? options = null)
    {
        var (graph, info) = Build(model, options ?? new MlpOnnxExportOptions());
        return OnnxModelFile.ToBytes(graph, info);
    }

    /// <summary>
    /// Adds the task's user-facing outputs (see <see cref="MlpOnnxOutputs"/>) for a network appended with
    /// <see cref="MlpOnnxNetwork.Append"/>: per-row scalars are reshaped to [N].
    /// </summary>
    public static void AddOutputs(OnnxGraph graph, MlpArchitecture architecture, MlpOnnxTensors tensors)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(tensors);
        switch (architecture.Task)
        {
            case MlpTask.MulticlassClassification:
                AddOutput(graph, OnnxValue.Rows(MlpOnnxOutputs.Probabilities, OnnxElementType.Float, architecture.OutputSize), tensors.Predictions);
                graph.AddOutput(OnnxValue.PerRow(
                    graph.AddNode("ArgMax", [tensors.Predictions], MlpOnnxOutputs.PredictedClass, OnnxAttribute.Of("axis", 1L), OnnxAttribute.Of("keepdims", 0L)),
                    OnnxElementType.Int64));
                break;
            case MlpTask.BinaryClassification:
                AddOutput(graph, OnnxValue.PerRow(MlpOnnxOutputs.Probability, OnnxElementType.Float), Flatten(graph, tensors.Predictions, "probability_rows"));
                AddOutput(graph, OnnxValue.PerRow(MlpOnnxOutputs.Score, OnnxElementType.Float), Flatten(graph, tensors.Logits, "score_rows"));
                break;
            default:
                AddOutput(
                    graph,
                    architecture.OutputSize == 1 ? OnnxValue.PerRow(MlpOnnxOutputs.Value, OnnxElementType.Float) : OnnxValue.Rows(MlpOnnxOutputs.Value, OnnxElementType.Float, architecture.OutputSize),
                    architecture.OutputSize == 1 ? Flatten(graph, tensors.Predictions, "value_rows") : tensors.Predictions);
                break;
        }
    }

    /// <summary>The producer, version, description and metadata of an exported Mlp.</summary>
    public static OnnxModelInfo CreateInfo(MlpArchitecture architecture, MlpOnnxExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(options);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["task"] = architecture.Task.ToString(),
            ["architecture"] = Describe(architecture),
        };
        if (options.FeatureNames is { } features)
        {
            metadata["feature_names"] = string.Join(",", features);
        }

        if (options.ClassNames is { } classes)
        {
            metadata["class_names"] = string.Join(",", classes);
        }

        foreach (var (key, value) in options.Metadata ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }

        string version = typeof(MlpOnnxExport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(MlpOnnxExport).Assembly.GetName().Version?.ToString() ?? "0";
        return new OnnxModelInfo(ProducerName, version, $"Multilayer perceptron ({Describe(architecture)}) exported by {ProducerName}.", metadata);
    }

    private static (OnnxGraph Graph, OnnxModelInfo Info) Build(MlpModel model, MlpOnnxExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = new OnnxGraph();
        string input = graph.AddInput(options.InputName, OnnxElementType.Float, model.InputSize);
        AddOutputs(graph, model.Architecture, MlpOnnxNetwork.Append(graph, model, input));
        return (graph, CreateInfo(model.Architecture, options));
    }

    private static void AddOutput(OnnxGraph graph, OnnxValue output, string source)
        => graph.AddOutput(output with { Name = graph.AddNode("Identity", [source], output.Name) });

    private static string Flatten(OnnxGraph graph, string rows, string hint)
        => graph.AddNode("Reshape", [rows, graph.AddIntegers("shape_rows", [-1], 1)], hint);

    private static string Describe(MlpArchitecture a)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{a.Task}, {a.InputSize}-{string.Concat(a.HiddenLayers.Select(h => $"{h}-"))}{a.OutputSize}, {a.Activation}{(a.BatchNormalization ? ", batch norm" : string.Empty)}{(a.DropoutRate > 0 ? $", dropout {a.DropoutRate}" : string.Empty)}{(a.LinearSkip ? ", linear skip" : string.Empty)}");
}
