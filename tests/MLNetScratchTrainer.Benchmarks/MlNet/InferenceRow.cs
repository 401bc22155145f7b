using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Benchmarks.MlNet;

/// <summary>One generated row of the ML.NET inference harness: a class and its features.</summary>
public sealed class InferenceRow
{
    /// <summary>Features per row.</summary>
    public const int FeatureCount = 32;

    /// <summary>The class, 0 … <see cref="MlNetInference.Classes"/> − 1.</summary>
    public uint Class { get; set; }

    /// <summary>The features.</summary>
    [VectorType(FeatureCount)]
    public float[] Features { get; set; } = [];
}
