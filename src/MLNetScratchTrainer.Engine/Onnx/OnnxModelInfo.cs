namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>What an ONNX file says about itself besides the graph: who produced it, a description and key–value metadata.</summary>
/// <param name="ProducerName">The producing tool, written to <c>producer_name</c>.</param>
/// <param name="ProducerVersion">Its version, written to <c>producer_version</c>.</param>
/// <param name="Description">Free text, written to the model's <c>doc_string</c>.</param>
/// <param name="Metadata">Key–value pairs, written to <c>metadata_props</c> (ONNX Runtime shows them as custom metadata).</param>
public sealed record OnnxModelInfo(string ProducerName, string ProducerVersion, string Description, IReadOnlyDictionary<string, string> Metadata);
