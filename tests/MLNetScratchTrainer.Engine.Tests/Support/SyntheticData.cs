using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>Small generated problems whose answers are known, for training tests.</summary>
internal static class SyntheticData
{
    /// <summary>The four rows of the XOR truth table, labels 0 or 1.</summary>
    public static Dataset Xor() => new([0, 0, 0, 1, 1, 0, 1, 1], 2, [0, 1, 1, 0]);

    /// <summary>
    /// <paramref name="classes"/> Gaussian blobs of unit spread in <paramref name="features"/> dimensions, centres
    /// <paramref name="separation"/> apart along different axes; labels are the blob index, rows interleaved.
    /// </summary>
    public static Dataset Blobs(int rowsPerClass, int classes, int features, int seed, float separation = 4f)
    {
        var rng = new Rng(seed);
        int count = rowsPerClass * classes;
        var x = new float[count * features];
        var labels = new float[count];
        for (int row = 0; row < count; row++)
        {
            int label = row % classes;
            labels[row] = label;
            for (int j = 0; j < features; j++)
            {
                float centre = j == label % features ? separation * (1 + (label / features)) : 0f;
                x[(row * features) + j] = centre + rng.NextNormal();
            }
        }

        return new Dataset(x, features, labels);
    }

    /// <summary>
    /// Regression in the hundreds: t = 300 + 100·(2·x0 − x1 + 0.5·x2) + noise, x ~ N(0, 1),
    /// noise ~ N(0, <paramref name="noise"/>). Its best possible R² is about 1 − noise²/(100²·5.25 + noise²).
    /// </summary>
    public static Dataset LinearRegression(int count, int seed, float noise = 10f)
    {
        var rng = new Rng(seed);
        var x = new float[count * 3];
        var t = new float[count];
        for (int row = 0; row < count; row++)
        {
            float x0 = rng.NextNormal(), x1 = rng.NextNormal(), x2 = rng.NextNormal();
            (x[row * 3], x[(row * 3) + 1], x[(row * 3) + 2]) = (x0, x1, x2);
            t[row] = 300f + (100f * ((2f * x0) - x1 + (0.5f * x2))) + (noise * rng.NextNormal());
        }

        return new Dataset(x, 3, t);
    }

    /// <summary>The rows of <paramref name="data"/> selected by <paramref name="keep"/>, weights dropped.</summary>
    public static Dataset Where(Dataset data, Func<int, bool> keep)
    {
        int[] rows = [.. Enumerable.Range(0, data.Count).Where(keep)];
        return new Dataset(
            [.. rows.SelectMany(r => data.FeatureRow(r).ToArray())],
            data.FeatureCount,
            [.. rows.SelectMany(r => data.LabelRow(r).ToArray())],
            data.LabelWidth);
    }
}
