using Microsoft.ML;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Onnx;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Onnx;

/// <summary>
/// The Mlp's part in ML.NET's own <c>mlContext.Model.ConvertToOnnx</c>: the same network graph as
/// <see cref="MlpOnnxExtensions"/>, with ML.NET's column outputs — multiclass <c>Score</c> (probabilities) and
/// <c>PredictedLabel</c> (the 1-based key, uint32), binary <c>Score</c> (log-odds), <c>Probability</c> and
/// <c>PredictedLabel</c> (Boolean), regression <c>Score</c> — written into ML.NET's ONNX model.
/// </summary>
internal static class ConvertToOnnxPart
{
    /// <summary>Adds <paramref name="transformer"/>, whose output schema is <paramref name="outputSchema"/>, to <paramref name="context"/>.</summary>
    public static void Write(MlpTransformerBase transformer, DataViewSchema outputSchema, MlNetOnnxContext context)
    {
        var model = transformer.Model;
        var graph = new OnnxGraph();
        string input = graph.AddInput(transformer.FeatureColumnName, OnnxElementType.Float, model.InputSize);
        var tensors = MlpOnnxNetwork.Append(graph, model, input);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (model.Architecture.Task)
        {
            case MlpTask.MulticlassClassification:
                columns[ScoreAnnotations.Score] = tensors.Predictions;
                string index = graph.AddNode("ArgMax", [tensors.Predictions], "class_index", OnnxAttribute.Of("axis", 1L), OnnxAttribute.Of("keepdims", 1L));
                string key = graph.AddNode("Add", [index, graph.AddIntegers("one", [1], 1)], "class_key");
                columns[ScoreAnnotations.PredictedLabel] = graph.AddNode("Cast", [key], "class_key_uint32", OnnxAttribute.Of("to", (long)OnnxElementType.UInt32));
                break;
            case MlpTask.BinaryClassification:
                columns[ScoreAnnotations.Score] = tensors.Logits;
                columns[ScoreAnnotations.Probability] = tensors.Predictions;
                columns[ScoreAnnotations.PredictedLabel] = graph.AddNode("Greater", [tensors.Logits, graph.AddFloats("zero", [0f], 1)], "positive");
                break;
            default:
                columns[ScoreAnnotations.Score] = tensors.Predictions;
                break;
        }

        Splice(graph, input, context.GetVariableName(transformer.FeatureColumnName), context, columns, outputSchema);
    }

    /// <summary>Copies the graph's constants and nodes into ML.NET's context, then points each output column at its value.</summary>
    private static void Splice(OnnxGraph graph, string input, string inputVariable, MlNetOnnxContext context, Dictionary<string, string> columns, DataViewSchema outputSchema)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [input] = inputVariable };
        foreach (var initializer in graph.Initializers)
        {
            names[initializer.Name] = initializer.Floats is { } floats
                ? context.AddInitializer("Mlp." + initializer.Name, floats, initializer.Dimensions)
                : context.AddInitializer("Mlp." + initializer.Name, initializer.Integers!, initializer.Dimensions);
        }

        foreach (var node in graph.Nodes)
        {
            string[] outputs = [.. node.Outputs.Select(output => names[output] = context.AddTemporaryVariable("Mlp." + output))];
            var created = context.CreateNode(node.OpType, node.Inputs.Select(i => names[i]), outputs);
            foreach (var attribute in node.Attributes)
            {
                MlNetOnnxContext.AddAttribute(created, attribute.Name, attribute.Integer is long integer ? (object)integer : (double)attribute.Float!.Value);
            }
        }

        foreach (var (column, value) in columns)
        {
            string variable = context.AddColumnVariable(outputSchema[column].Type, column);
            context.CreateNode("Identity", [names[value]], [variable]);
        }
    }
}
