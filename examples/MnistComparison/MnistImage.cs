using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Examples.MnistComparison;

/// <summary>One MNIST image as an ML.NET row: the digit and the 784 pixels (scaled to [0, 1] by <see cref="Mnist.Load"/>).</summary>
internal sealed class MnistImage
{
    /// <summary>The digit 0–9, as a Single (MapValueToKey makes the label key of it).</summary>
    public float Digit { get; init; }

    /// <summary>The pixels, row by row.</summary>
    [VectorType(Mnist.FeatureCount)]
    public float[] Features { get; init; } = [];
}
