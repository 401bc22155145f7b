using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MLNetScratchTrainer.Engine.Tests.Onnx;

/// <summary>Scores an ONNX model with ONNX Runtime: one float input of rows, every output read back as a flat array.</summary>
internal sealed class OnnxRunner : IDisposable
{
    private readonly InferenceSession _session;

    public OnnxRunner(byte[] model) => _session = new InferenceSession(model);

    public OnnxRunner(string path) => _session = new InferenceSession(path);

    /// <summary>The session, for its input and output metadata.</summary>
    public InferenceSession Session => _session;

    /// <summary>Runs the model on <paramref name="rows"/> (row-major, <paramref name="width"/> values each) and returns each output's values by name.</summary>
    public Dictionary<string, Array> Run(string inputName, float[] rows, int width)
    {
        var input = NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(rows, [rows.Length / width, width]));
        using var results = _session.Run([input]);
        return results.ToDictionary(r => r.Name, r => r.Value switch
        {
            Tensor<float> t => (Array)t.ToArray(),
            Tensor<long> t => t.ToArray(),
            Tensor<bool> t => t.ToArray(),
            Tensor<uint> t => t.ToArray(),
            var other => throw new InvalidOperationException($"Output {r.Name} has an unexpected type {other?.GetType()}."),
        });
    }

    /// <summary>The shape ONNX Runtime reads for an output, with -1 for a symbolic dimension.</summary>
    public int[] OutputShape(string name) => _session.OutputMetadata[name].Dimensions;

    public void Dispose() => _session.Dispose();
}
