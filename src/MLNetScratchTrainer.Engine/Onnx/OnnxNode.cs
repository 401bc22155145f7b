namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>One operator of an ONNX graph: its type (from the default ONNX domain), input and output value names and attributes.</summary>
/// <param name="Name">Unique node name.</param>
/// <param name="OpType">The operator, such as <c>Gemm</c> or <c>Relu</c>.</param>
/// <param name="Inputs">Names of the values it reads, in the operator's order.</param>
/// <param name="Outputs">Names of the values it writes.</param>
/// <param name="Attributes">Its attributes.</param>
public sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyList<OnnxAttribute> Attributes);
