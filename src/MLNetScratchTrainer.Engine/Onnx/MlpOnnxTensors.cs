namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>The values <see cref="MlpOnnxNetwork.Append"/> adds to a graph, both of shape [N, outputs].</summary>
/// <param name="Logits">The raw network outputs: before Softmax or Sigmoid, in the standardised target scale for regression.</param>
/// <param name="Predictions">Class probabilities (multiclass), P(class 1) (binary) or predicted values in the targets' scale (regression).</param>
public sealed record MlpOnnxTensors(string Logits, string Predictions);
