using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Tests.Data;

/// <summary>A row with three features, a Single label and a weight: regression, or binary with labels 0/1.</summary>
public sealed class SingleLabelRow
{
    [VectorType(3)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }

    public float Weight { get; set; } = 1f;
}

/// <summary>
/// A row with three features and a key label of three classes. ML.NET reads a <c>[KeyType]</c> member as a 0-based class
/// index (0–2 here) and stores it in the data view as the key 1–3.
/// </summary>
public sealed class KeyLabelRow
{
    [VectorType(3)]
    public float[] Features { get; set; } = [];

    [KeyType(3)]
    public uint Label { get; set; }
}

/// <summary>A row with a key label of four classes.</summary>
public sealed class FourClassKeyRow
{
    [VectorType(3)]
    public float[] Features { get; set; } = [];

    [KeyType(4)]
    public uint Label { get; set; }
}

/// <summary>A row with a Boolean label.</summary>
public sealed class BooleanLabelRow
{
    [VectorType(3)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public float Weight { get; set; } = 1f;
}

/// <summary>A row whose features have no declared size (a variable-size vector).</summary>
public sealed class VariableFeaturesRow
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>A row whose features are a known-size vector of Double.</summary>
public sealed class DoubleFeaturesRow
{
    [VectorType(3)]
    public double[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>A row whose single feature is a scalar.</summary>
public sealed class ScalarFeatureRow
{
    public float Features { get; set; }

    public float Label { get; set; }
}

/// <summary>A row with four features.</summary>
public sealed class FourFeaturesRow
{
    [VectorType(4)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>Just a label, for the key data of MapValueToKey.</summary>
public sealed class LabelOnlyRow
{
    public float Label { get; set; }
}

/// <summary>A row with a text label.</summary>
public sealed class TextLabelRow
{
    [VectorType(3)]
    public float[] Features { get; set; } = [];

    public string Label { get; set; } = string.Empty;
}

/// <summary>Small synthetic data sets: the class (or target) is a simple function of the features.</summary>
public static class InMemoryRows
{
    /// <summary>Regression rows: target = 2·x₀ − x₁ + 0.5·x₂, or binary labels (target &gt; 0) when <paramref name="binary"/>.</summary>
    public static SingleLabelRow[] Single(int count, bool binary = false) => [.. Enumerable.Range(0, count).Select(i =>
    {
        float[] x = Features(i);
        float target = (2 * x[0]) - x[1] + (0.5f * x[2]);
        return new SingleLabelRow { Features = x, Label = binary ? (target > 0.6f ? 1f : 0f) : target };
    })];

    /// <summary>Three-class rows: the class is the index of the largest feature.</summary>
    public static KeyLabelRow[] Keys(int count) => [.. Enumerable.Range(0, count).Select(i =>
    {
        float[] x = Features(i);
        return new KeyLabelRow { Features = x, Label = (uint)Array.IndexOf(x, x.Max()) };
    })];

    /// <summary>Boolean rows: true when the first feature exceeds the second.</summary>
    public static BooleanLabelRow[] Booleans(int count) => [.. Enumerable.Range(0, count).Select(i =>
    {
        float[] x = Features(i);
        return new BooleanLabelRow { Features = x, Label = x[0] > x[1] };
    })];

    /// <summary>Deterministic, spread-out features in [0, 1).</summary>
    public static float[] Features(int i) => [(i * 0.618034f) % 1f, (i * 0.414214f) % 1f, (i * 0.732051f) % 1f];
}
