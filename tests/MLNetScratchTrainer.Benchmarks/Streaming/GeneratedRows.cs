using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Benchmarks.Streaming;

/// <summary>
/// A synthetic classification problem generated row by row, never held in memory: features x ~ N(0, 1), and the label
/// is the class k of the largest teacher score wₖ · tanh(x) (a fixed random teacher of <see cref="Classes"/> classes),
/// replaced by a random class in 5 % of rows. Rows depend only on the seed, so a file and its test set agree.
/// </summary>
internal static class GeneratedRows
{
    /// <summary>Number of classes.</summary>
    public const int Classes = 10;

    /// <summary>One generated row as ML.NET reads it (the feature vector's size is set by <see cref="Load"/>).</summary>
    public sealed class Row
    {
        /// <summary>The features.</summary>
        public float[] Features { get; set; } = [];

        /// <summary>The class index 0 … <see cref="Classes"/> − 1.</summary>
        public float Label { get; set; }
    }

    /// <summary>A data view over <paramref name="rows"/> rows generated lazily as a cursor moves.</summary>
    public static IDataView Load(MLContext ml, long rows, int features, int seed)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return ml.Data.LoadFromEnumerable(Enumerate(rows, features, seed), schema);
    }

    private static IEnumerable<Row> Enumerate(long rows, int features, int seed)
    {
        var teacher = new Rng(12345);
        var weights = new float[Classes * features];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = teacher.NextNormal();
        }

        var rng = new Rng(seed);
        for (long row = 0; row < rows; row++)
        {
            var x = new float[features];
            for (int j = 0; j < features; j++)
            {
                x[j] = rng.NextNormal();
            }

            int label = rng.NextFloat() < 0.05f ? rng.NextInt(Classes) : Teacher(weights, x);
            yield return new Row { Features = x, Label = label };
        }
    }

    private static int Teacher(float[] weights, float[] x)
    {
        var squashed = new float[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            squashed[j] = MathF.Tanh(x[j]);
        }

        int best = 0;
        float bestScore = float.NegativeInfinity;
        for (int k = 0; k < Classes; k++)
        {
            float score = System.Numerics.Tensors.TensorPrimitives.Dot(weights.AsSpan(k * x.Length, x.Length), squashed);
            (best, bestScore) = score > bestScore ? (k, score) : (best, bestScore);
        }

        return best;
    }
}
