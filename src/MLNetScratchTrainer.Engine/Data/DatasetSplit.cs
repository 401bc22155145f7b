using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Data;

/// <summary>Splits a <see cref="Dataset"/> into a training part and a test part.</summary>
public static class DatasetSplit
{
    /// <summary>
    /// Shuffles the rows with a seeded <see cref="Rng"/> and puts the first
    /// round(<paramref name="testFraction"/> × count) of them (halves rounded up) in the test part and the rest in the
    /// training part, both in shuffled order. Features, labels and weights are copied.
    /// </summary>
    /// <param name="data">The rows to split.</param>
    /// <param name="testFraction">The share of rows for the test part, strictly between 0 and 1.</param>
    /// <param name="seed">The shuffle seed: the same seed gives the same split.</param>
    /// <returns>The two parts; every row of <paramref name="data"/> is in exactly one of them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not strictly between 0 and 1.</exception>
    /// <exception cref="ArgumentException">The split would leave one part empty (too few rows for the fraction).</exception>
    public static (Dataset Train, Dataset Test) TrainTestSplit(Dataset data, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be strictly between 0 and 1.");
        }

        int testCount = (int)Math.Round(data.Count * testFraction, MidpointRounding.AwayFromZero);
        if (testCount == 0 || testCount == data.Count)
        {
            throw new ArgumentException(
                $"Splitting {data.Count} rows with testFraction {testFraction} gives {data.Count - testCount} training rows and {testCount} test rows; both parts need at least one row.",
                nameof(testFraction));
        }

        int[] order = [.. Enumerable.Range(0, data.Count)];
        new Rng(seed).Shuffle(order);
        return (Rows(data, order.AsSpan(testCount)), Rows(data, order.AsSpan(0, testCount)));
    }

    private static Dataset Rows(Dataset data, ReadOnlySpan<int> rows)
    {
        float[] features = new float[rows.Length * data.FeatureCount];
        float[] labels = new float[rows.Length * data.LabelWidth];
        float[]? weights = data.Weights is null ? null : new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            data.FeatureRow(rows[i]).CopyTo(features.AsSpan(i * data.FeatureCount));
            data.LabelRow(rows[i]).CopyTo(labels.AsSpan(i * data.LabelWidth));
            if (weights is not null)
            {
                weights[i] = data.Weights![rows[i]];
            }
        }

        return new Dataset(features, data.FeatureCount, labels, data.LabelWidth, weights);
    }
}
