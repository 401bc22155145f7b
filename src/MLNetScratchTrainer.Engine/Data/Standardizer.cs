namespace MLNetScratchTrainer.Engine.Data;

/// <summary>
/// Scales every feature to mean 0 and standard deviation 1 with statistics learnt on training data:
/// x' = (x − mean) / std. The standard deviation is the population one (divided by the row count); a constant
/// feature gets std 1, so it becomes 0 instead of a division by zero. Fit on the training part only, then
/// transform training, test and new data with the same instance.
/// </summary>
public sealed class Standardizer
{
    private readonly float[] _means;
    private readonly float[] _standardDeviations;

    /// <summary>Creates a standardizer from known statistics, such as saved ones.</summary>
    /// <param name="means">The mean of each feature.</param>
    /// <param name="standardDeviations">The standard deviation of each feature, each positive.</param>
    /// <exception cref="ArgumentException">The arrays are empty or of different lengths, a mean is not finite, or a standard deviation is not finite and positive.</exception>
    public Standardizer(float[] means, float[] standardDeviations)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(standardDeviations);
        if (means.Length == 0)
        {
            throw new ArgumentException("At least one feature is needed.", nameof(means));
        }

        if (means.Length != standardDeviations.Length)
        {
            throw new ArgumentException($"There are {means.Length} means but {standardDeviations.Length} standard deviations; expected one of each per feature.", nameof(standardDeviations));
        }

        int badMean = Array.FindIndex(means, m => !float.IsFinite(m));
        if (badMean >= 0)
        {
            throw new ArgumentException($"The mean of feature {badMean} is {means[badMean]}; means must be finite.", nameof(means));
        }

        int badStd = Array.FindIndex(standardDeviations, s => !(float.IsFinite(s) && s > 0));
        if (badStd >= 0)
        {
            throw new ArgumentException(
                $"The standard deviation of feature {badStd} is {standardDeviations[badStd]}; standard deviations must be finite and positive.",
                nameof(standardDeviations));
        }

        _means = (float[])means.Clone();
        _standardDeviations = (float[])standardDeviations.Clone();
    }

    /// <summary>Number of features.</summary>
    public int FeatureCount => _means.Length;

    /// <summary>The mean of each feature.</summary>
    public IReadOnlyList<float> Means => _means;

    /// <summary>The standard deviation of each feature (1 for a constant feature).</summary>
    public IReadOnlyList<float> StandardDeviations => _standardDeviations;

    /// <summary>Learns the mean and standard deviation of each feature of a data set.</summary>
    public static Standardizer Fit(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(data.Features, data.FeatureCount);
    }

    /// <summary>Learns the mean and standard deviation of each feature of row-major features.</summary>
    /// <param name="features">Row-major features, <paramref name="featureCount"/> per row, at least one row.</param>
    /// <param name="featureCount">Features per row.</param>
    /// <exception cref="ArgumentException">The features are empty, not whole rows, or hold a value that is not finite.</exception>
    public static Standardizer Fit(ReadOnlySpan<float> features, int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        RequireRows(features.Length, featureCount, nameof(features));
        for (int i = 0; i < features.Length; i++)
        {
            if (!float.IsFinite(features[i]))
            {
                throw new ArgumentException($"The feature at row {i / featureCount}, column {i % featureCount} is {features[i]}; features must be finite.", nameof(features));
            }
        }

        int rows = features.Length / featureCount;
        double[] sums = new double[featureCount];
        bool[] varies = new bool[featureCount];
        ReadOnlySpan<float> first = features[..featureCount];
        for (int i = 0; i < features.Length; i++)
        {
            int column = i % featureCount;
            sums[column] += features[i];
            varies[column] |= features[i] != first[column];
        }

        double[] squares = new double[featureCount];
        for (int i = 0; i < features.Length; i++)
        {
            int column = i % featureCount;
            double deviation = features[i] - (sums[column] / rows);
            squares[column] += deviation * deviation;
        }

        float[] means = new float[featureCount];
        float[] deviations = new float[featureCount];
        for (int column = 0; column < featureCount; column++)
        {
            float std = (float)Math.Sqrt(squares[column] / rows);
            bool constant = !varies[column] || std == 0;
            means[column] = constant ? first[column] : (float)(sums[column] / rows);
            deviations[column] = constant ? 1f : std;
        }

        return new Standardizer(means, deviations);
    }

    /// <summary>
    /// Returns a new data set with standardized features; its labels and weights are the same arrays as
    /// those of <paramref name="data"/>, not copies.
    /// </summary>
    /// <exception cref="ArgumentException">The data set has a different number of features.</exception>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != FeatureCount)
        {
            throw new ArgumentException($"The data set has {data.FeatureCount} features but the standardizer was fitted on {FeatureCount}.", nameof(data));
        }

        float[] features = new float[data.Features.Length];
        Transform(data.Features, features);
        return new Dataset(features, FeatureCount, data.Labels, data.LabelWidth, data.Weights);
    }

    /// <summary>Standardizes row-major features, any number of whole rows; the two spans may be the same memory.</summary>
    /// <param name="features">Row-major features, <see cref="FeatureCount"/> per row.</param>
    /// <param name="destination">Receives the standardized values; as long as <paramref name="features"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ or are not whole rows.</exception>
    public void Transform(ReadOnlySpan<float> features, Span<float> destination)
    {
        RequireRows(features.Length, FeatureCount, nameof(features));
        if (destination.Length != features.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values but the features {features.Length}; they must be the same length.", nameof(destination));
        }

        for (int i = 0; i < features.Length; i++)
        {
            int column = i % FeatureCount;
            destination[i] = (float)((features[i] - (double)_means[column]) / _standardDeviations[column]);
        }
    }

    private static void RequireRows(int length, int featureCount, string parameterName)
    {
        if (length == 0 || length % featureCount != 0)
        {
            throw new ArgumentException($"The features hold {length} values, which is not a positive whole number of rows of {featureCount} features.", parameterName);
        }
    }
}
