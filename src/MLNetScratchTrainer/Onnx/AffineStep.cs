using System.Collections.Immutable;
using Microsoft.ML.Transforms;
using MLNetScratchTrainer.Engine.Onnx;
using MLNetScratchTrainer.Interop;

namespace MLNetScratchTrainer.Onnx;

/// <summary>
/// One affine normalizer of the feature column, exactly as ML.NET applies it: y = (x − offset) · scale per slot, in float
/// (every normalizer whose parameters are <c>AffineNormalizerModelParameters</c>: NormalizeMinMax, NormalizeMeanVariance
/// and NormalizeLogMeanVariance with <c>useCdf: false</c>, NormalizeRobustScaling).
/// </summary>
internal sealed class AffineStep
{
    private AffineStep(string inputColumnName, float[] scale, float[]? offset)
    {
        InputColumnName = inputColumnName;
        Scale = scale;
        Offset = offset;
    }

    /// <summary>The column the normalizer reads.</summary>
    public string InputColumnName { get; }

    /// <summary>Per-slot scale.</summary>
    public float[] Scale { get; }

    /// <summary>Per-slot offset, or null when every offset is zero.</summary>
    public float[]? Offset { get; }

    /// <summary>The normalization <paramref name="normalizer"/> applies to produce <paramref name="column"/>.</summary>
    /// <exception cref="NotSupportedException">It is not affine (binning, CDF, log-mean-variance, Lp, whitening…), or not a vector of the expected size.</exception>
    public static AffineStep Read(NormalizingTransformer normalizer, string column, int width)
    {
        var columns = NormalizerColumns.Read(normalizer);
        int index = columns.ToList().FindIndex(c => c.Name == column);
        var parameters = normalizer.GetNormalizerModelParameters(index);
        if (parameters is not NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine)
        {
            throw new NotSupportedException(
                $"The normalizer of column '{column}' is {parameters.GetType().Name}; the ONNX export supports affine normalizers " +
                "(NormalizeMinMax, NormalizeMeanVariance with useCdf: false, NormalizeRobustScaling) of the Mlp's feature vector.");
        }

        if (affine.Scale.Length != width || !(affine.Offset.IsDefaultOrEmpty || affine.Offset.Length == width))
        {
            throw new NotSupportedException($"The normalizer of column '{column}' has {affine.Scale.Length} scales and {affine.Offset.Length} offsets for a vector of {width} values.");
        }

        float[]? offset = affine.Offset.IsDefaultOrEmpty || affine.Offset.All(o => o == 0f) ? null : [.. affine.Offset];
        return new AffineStep(columns[index].InputColumnName, [.. affine.Scale], offset);
    }

    /// <summary>Appends (x − offset) · scale to <paramref name="graph"/> and returns its output.</summary>
    public string AppendTo(OnnxGraph graph, string input)
    {
        string x = Offset is null ? input : graph.AddNode("Sub", [input, graph.AddFloats("normalizer_offset", Offset, Offset.Length)], "normalizer_centred");
        return graph.AddNode("Mul", [x, graph.AddFloats("normalizer_scale", Scale, Scale.Length)], "normalized");
    }
}
