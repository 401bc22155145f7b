using Microsoft.ML;

namespace MLNetScratchTrainer.Tests.Onnx;

/// <summary>A row of five raw features on very different scales, with a label for each task.</summary>
public sealed class OnnxRow
{
    /// <summary>The feature columns, in the order they are concatenated.</summary>
    public static readonly string[] FeatureNames = [nameof(A), nameof(B), nameof(C), nameof(D), nameof(E)];

    public float A { get; set; }

    public float B { get; set; }

    public float C { get; set; }

    public float D { get; set; }

    public float E { get; set; }

    /// <summary>Multiclass label: one of four colours.</summary>
    public string Colour { get; set; } = string.Empty;

    /// <summary>Binary label.</summary>
    public bool Positive { get; set; }

    /// <summary>Regression target, of magnitude a few units.</summary>
    public float Target { get; set; }

    /// <summary>The raw features of the row, in <see cref="FeatureNames"/> order.</summary>
    public float[] FeatureValues() => [A, B, C, D, E];
}

/// <summary>Seeded generated rows: features in [0, 100), [−5, 5), [−1, 1), [1000, 2000), [0, 1); labels from linear rules.</summary>
internal static class OnnxRows
{
    public static OnnxRow[] Create(int count, int seed)
    {
        var random = new Random(seed);
        string[] colours = ["red", "green", "blue", "cyan"];
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var row = new OnnxRow
            {
                A = 100f * random.NextSingle(),
                B = (10f * random.NextSingle()) - 5f,
                C = (2f * random.NextSingle()) - 1f,
                D = 1000f + (1000f * random.NextSingle()),
                E = random.NextSingle(),
            };
            float u = (0.03f * row.A) - row.B + (2f * row.C), v = ((row.D - 1500f) / 250f) + row.E;
            row.Colour = colours[(u > 1.5f ? 1 : 0) + (v > 0f ? 2 : 0)];
            row.Positive = u + v > 1f;
            row.Target = u - (0.5f * v) + (0.1f * (float)random.NextDouble());
            return row;
        })];
    }

    /// <summary>All rows' raw features, row-major.</summary>
    public static float[] Features(IEnumerable<OnnxRow> rows) => [.. rows.SelectMany(r => r.FeatureValues())];

    /// <summary>Loads the rows into a data view.</summary>
    public static IDataView Load(MLContext ml, IEnumerable<OnnxRow> rows) => ml.Data.LoadFromEnumerable(rows);
}
