using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>Seeded random arrays and matrices, so every test sees the same numbers on every run.</summary>
internal static class RandomValues
{
    /// <summary>Uniform values in [min, max).</summary>
    public static float[] Uniform(int count, int seed, float min = -1f, float max = 1f)
    {
        var rng = new Rng(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = min + ((max - min) * rng.NextFloat());
        }

        return values;
    }

    /// <summary>A rows × columns matrix of uniform values in [min, max).</summary>
    public static Matrix Matrix(int rows, int columns, int seed, float min = -1f, float max = 1f)
        => new(Uniform(rows * columns, seed, min, max), rows, columns);

    /// <summary>
    /// Values with magnitude in [0.2, 1.2) and a random sign: at least 0.2 from the kinks of ReLU-like functions,
    /// so a central difference with a step below 0.2 never straddles one.
    /// </summary>
    public static Matrix AwayFromZero(int rows, int columns, int seed)
    {
        float[] magnitudes = Uniform(rows * columns, seed, 0.2f, 1.2f);
        float[] signs = Uniform(rows * columns, seed + 1);
        for (int i = 0; i < magnitudes.Length; i++)
        {
            magnitudes[i] = signs[i] < 0 ? -magnitudes[i] : magnitudes[i];
        }

        return new Matrix(magnitudes, rows, columns);
    }

    /// <summary>Normal values with the given mean and standard deviation.</summary>
    public static float[] Normal(int count, int seed, float mean = 0f, float std = 1f)
    {
        var rng = new Rng(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = mean + (std * rng.NextNormal());
        }

        return values;
    }
}
