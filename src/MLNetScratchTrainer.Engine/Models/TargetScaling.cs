namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// Standardisation of regression targets: the network learns (t − mean) / scale and its outputs are
/// mapped back with y·scale + mean, so targets in the hundreds train as easily as targets near zero.
/// </summary>
public sealed record TargetScaling
{
    /// <summary>Creates a scaling; every scale must be positive and finite.</summary>
    public TargetScaling(IReadOnlyList<float> mean, IReadOnlyList<float> scale)
    {
        if (mean.Count != scale.Count || mean.Count == 0)
        {
            throw new ArgumentException($"Target scaling needs one mean and one scale per target; got {mean.Count} means and {scale.Count} scales.");
        }

        if (mean.Any(m => !float.IsFinite(m)) || scale.Any(s => !(s > 0f && float.IsFinite(s))))
        {
            throw new ArgumentException("Target scaling means must be finite and scales positive and finite.");
        }

        Mean = [.. mean];
        Scale = [.. scale];
    }

    /// <summary>Mean of each target column.</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>Standard deviation of each target column (1 for a constant column).</summary>
    public IReadOnlyList<float> Scale { get; }

    /// <summary>Computes the mean and standard deviation of each of <paramref name="width"/> target columns.</summary>
    public static TargetScaling Fit(ReadOnlySpan<float> labels, int width)
    {
        int rows = labels.Length / width;
        var mean = new float[width];
        var scale = new float[width];
        for (int j = 0; j < width; j++)
        {
            double sum = 0, sumSquares = 0;
            for (int r = 0; r < rows; r++)
            {
                double t = labels[(r * width) + j];
                sum += t;
                sumSquares += t * t;
            }

            double m = sum / rows;
            double variance = Math.Max(0, (sumSquares / rows) - (m * m));
            mean[j] = (float)m;
            scale[j] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        return new TargetScaling(mean, scale);
    }

    /// <summary>Maps raw targets into the network's scale, writing into <paramref name="scaled"/>.</summary>
    public void Apply(ReadOnlySpan<float> labels, Span<float> scaled)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            int j = i % Mean.Count;
            scaled[i] = (labels[i] - Mean[j]) / Scale[j];
        }
    }

    /// <summary>Maps network outputs back to the targets' scale, in place.</summary>
    public void Invert(Span<float> outputs)
    {
        for (int i = 0; i < outputs.Length; i++)
        {
            int j = i % Mean.Count;
            outputs[i] = (outputs[i] * Scale[j]) + Mean[j];
        }
    }
}
