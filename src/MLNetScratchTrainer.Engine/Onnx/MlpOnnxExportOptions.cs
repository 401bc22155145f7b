namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>Names and metadata of an exported Mlp. Every setting has a default.</summary>
public sealed record MlpOnnxExportOptions
{
    /// <summary>The name of the graph input, float [N, features]. Default <c>features</c>.</summary>
    public string InputName { get; init; } = "features";

    /// <summary>Names of the input features, stored as the metadata entry <c>feature_names</c> (comma-separated), or null.</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>Names of the classes in output order, stored as the metadata entry <c>class_names</c>, or null.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Extra metadata entries (ONNX Runtime's custom metadata map).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
