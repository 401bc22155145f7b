using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>
/// Appends a trained <see cref="MlpModel"/> to an <see cref="OnnxGraph"/>: its input preprocessing, if it has one
/// (<see cref="OnnxPreprocessing"/>), then one Gemm per dense layer (batch normalisation
/// folded in), the hidden activation after each hidden layer, no dropout (the identity at inference), the linear skip
/// (a MatMul of the preprocessed input, added to the logits) when the model has one, then the head:
/// Softmax (multiclass), Sigmoid (binary) or the regression targets' de-standardisation (y·scale + mean).
/// </summary>
public static class MlpOnnxNetwork
{
    /// <summary>Appends the model reading the raw features <paramref name="input"/> (shape [N, <see cref="MlpModel.InputSize"/>]).</summary>
    /// <returns>The names of the logits and the predictions (probabilities or values), both [N, <see cref="MlpModel.OutputSize"/>].</returns>
    /// <exception cref="NotSupportedException">The network holds a layer with no ONNX counterpart here (the Step activation).</exception>
    public static MlpOnnxTensors Append(OnnxGraph graph, MlpModel model, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(model);
        string x = model.Preprocessor is { } preprocessor ? OnnxPreprocessing.From(preprocessor).AppendTo(graph, input) : input;
        string networkInput = x;
        var network = model.CreateNetwork();
        DenseFolding? pending = null;
        foreach (var layer in network.Layers)
        {
            switch (layer)
            {
                case Dense dense:
                    x = Flush(graph, pending, x);
                    pending = DenseFolding.From(dense);
                    break;
                case BatchNorm batchNorm when pending is not null:
                    pending.Fold(batchNorm);
                    break;
                case Dropout:
                    break;
                default:
                    x = Flush(graph, pending, x);
                    pending = null;
                    x = AppendActivation(graph, layer, x);
                    break;
            }
        }

        string logits = AppendSkip(graph, network.Skip, networkInput, Flush(graph, pending, x));
        string predictions = model.Architecture.Task switch
        {
            MlpTask.MulticlassClassification => graph.AddNode("Softmax", [logits], "probabilities_2d", OnnxAttribute.Of("axis", 1L)),
            MlpTask.BinaryClassification => graph.AddNode("Sigmoid", [logits], "probability_2d"),
            _ => Destandardise(graph, model.TargetScaling, logits),
        };
        return new MlpOnnxTensors(logits, predictions);
    }

    // The initializers keep the model file's tensor names (dense0.weight, dense0.bias, …) and the Gemm its layer's name.
    private static string Flush(OnnxGraph graph, DenseFolding? dense, string x)
    {
        if (dense is null)
        {
            return x;
        }

        string weight = graph.AddFloats(dense.WeightName, dense.Weight, dense.InputSize, dense.OutputSize);
        string bias = graph.AddFloats(dense.BiasName, dense.Bias, dense.OutputSize);
        return graph.AddNode("Gemm", [x, weight, bias], dense.Name);
    }

    // The engine adds the skip's x·S to the chain's logits (Network.Forward); here a MatMul on the same input and an Add.
    private static string AppendSkip(OnnxGraph graph, ILayer? skip, string networkInput, string logits) => skip switch
    {
        null => logits,
        LinearSkip linear => graph.AddNode(
            "Add",
            [logits, graph.AddNode("MatMul", [networkInput, graph.AddFloats(linear.Weight.Name, linear.Weight.Value, linear.InputSize, linear.OutputSize)], "skip")],
            "logits"),
        _ => throw new NotSupportedException($"The skip {skip.GetType().Name} has no ONNX export; export supports LinearSkip."),
    };

    private static string AppendActivation(OnnxGraph graph, ILayer layer, string x) => layer switch
    {
        Relu => graph.AddNode("Relu", [x], "relu"),
        LeakyRelu leaky => graph.AddNode("LeakyRelu", [x], "leaky_relu", OnnxAttribute.Of("alpha", leaky.Slope)),
        Sigmoid => graph.AddNode("Sigmoid", [x], "sigmoid"),
        Tanh => graph.AddNode("Tanh", [x], "tanh"),
        Identity => x,
        _ => throw new NotSupportedException($"The layer {layer.GetType().Name} has no ONNX export; export supports Dense, BatchNorm, Dropout, ReLU, LeakyReLU, Sigmoid, Tanh and Identity."),
    };

    // The engine maps outputs back with y·scale + mean (TargetScaling.Invert); the same two float operations here.
    private static string Destandardise(OnnxGraph graph, TargetScaling? scaling, string logits)
    {
        if (scaling is null)
        {
            return logits;
        }

        string scale = graph.AddFloats("target_scale", [.. scaling.Scale], scaling.Scale.Count);
        string mean = graph.AddFloats("target_mean", [.. scaling.Mean], scaling.Mean.Count);
        string scaled = graph.AddNode("Mul", [logits, scale], "target_scaled");
        return graph.AddNode("Add", [scaled, mean], "values_2d");
    }
}
