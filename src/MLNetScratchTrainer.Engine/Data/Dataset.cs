using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Data;

/// <summary>
/// Training or evaluation data as plain arrays: a row-major feature matrix, labels and optional
/// per-example weights. The constructor validates everything once, so training never meets a bad value.
/// </summary>
/// <remarks>
/// A feature may be NaN, a missing value, which the model's input preprocessing fills (see
/// <c>MlpTrainerOptions.RejectMissingFeatures</c>); infinities are refused. Labels hold one value per row for classification (the class index 0…K−1, or 0/1 for binary)
/// and <see cref="LabelWidth"/> values per row for regression.
/// </remarks>
public sealed class Dataset
{
    /// <summary>Creates a data set; the arrays are used as they are, not copied.</summary>
    /// <param name="features">Row-major features, <paramref name="featureCount"/> per row; NaN marks a missing value.</param>
    /// <param name="featureCount">Number of features per row.</param>
    /// <param name="labels">Labels, <paramref name="labelWidth"/> per row.</param>
    /// <param name="labelWidth">Label values per row (1 for classification).</param>
    /// <param name="weights">Optional non-negative per-example weights.</param>
    /// <exception cref="ArgumentException">Sizes disagree, the data is empty, a feature is infinite, a label or weight is NaN or infinite, or a weight is negative; the message names the row and column.</exception>
    public Dataset(float[] features, int featureCount, float[] labels, int labelWidth = 1, float[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (featureCount <= 0)
        {
            throw new ArgumentException($"featureCount must be positive but was {featureCount}.", nameof(featureCount));
        }

        if (labelWidth <= 0)
        {
            throw new ArgumentException($"labelWidth must be positive but was {labelWidth}.", nameof(labelWidth));
        }

        if (features.Length == 0)
        {
            throw new ArgumentException("The data set is empty: at least one row is needed.", nameof(features));
        }

        if (features.Length % featureCount != 0)
        {
            throw new ArgumentException(
                $"The feature array holds {features.Length} values, which is not a whole number of rows of {featureCount} features (row length is wrong).",
                nameof(features));
        }

        int count = features.Length / featureCount;
        if (labels.Length != count * labelWidth)
        {
            throw new ArgumentException(
                $"There are {count} feature rows but {labels.Length} label values; expected {count * labelWidth} ({labelWidth} per row).",
                nameof(labels));
        }

        if (weights is not null && weights.Length != count)
        {
            throw new ArgumentException($"There are {count} rows but {weights.Length} weights; expected one weight per row.", nameof(weights));
        }

        RequireFinite(features, featureCount, "feature", nameof(features), allowMissing: true);
        RequireFinite(labels, labelWidth, "label", nameof(labels), allowMissing: false);
        if (weights is not null)
        {
            RequireWeights(weights);
        }

        Features = features;
        FeatureCount = featureCount;
        Labels = labels;
        LabelWidth = labelWidth;
        Weights = weights;
        Count = count;
    }

    /// <summary>
    /// Creates a data set whose features are sparse rows (such as <c>FeaturizeText</c>'s output), kept in CSR form:
    /// training feeds them to the first layer without ever densifying a row. The matrix is used as it is, not copied.
    /// </summary>
    /// <param name="features">One CSR row per example; its column count is the feature count.</param>
    /// <param name="labels">Labels, <paramref name="labelWidth"/> per row.</param>
    /// <param name="labelWidth">Label values per row (1 for classification).</param>
    /// <param name="weights">Optional non-negative per-example weights.</param>
    /// <exception cref="ArgumentException">Sizes disagree, the data is empty, or a value is NaN, infinite or (for weights) negative.</exception>
    public Dataset(SparseMatrix features, float[] labels, int labelWidth = 1, float[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (labelWidth <= 0)
        {
            throw new ArgumentException($"labelWidth must be positive but was {labelWidth}.", nameof(labelWidth));
        }

        if (features.Columns == 0 || features.Rows == 0)
        {
            throw new ArgumentException($"The sparse data set has {features.Rows} rows of {features.Columns} features: at least one of each is needed.", nameof(features));
        }

        if (labels.Length != features.Rows * labelWidth)
        {
            throw new ArgumentException(
                $"There are {features.Rows} feature rows but {labels.Length} label values; expected {features.Rows * labelWidth} ({labelWidth} per row).",
                nameof(labels));
        }

        if (weights is not null && weights.Length != features.Rows)
        {
            throw new ArgumentException($"There are {features.Rows} rows but {weights.Length} weights; expected one weight per row.", nameof(weights));
        }

        ReadOnlySpan<float> values = features.Values;
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                int row = features.RowStarts.LastIndexOfAnyInRange(0, i);
                throw new ArgumentException($"The feature at row {row}, column {features.ColumnIndices[i]} is {values[i]}; every feature must be a finite number (no NaN or infinity).", nameof(features));
            }
        }

        RequireFinite(labels, labelWidth, "label", nameof(labels), allowMissing: false);
        if (weights is not null)
        {
            RequireWeights(weights);
        }
        SparseFeatures = features;
        Features = [];
        FeatureCount = features.Columns;
        LabelWidth = labelWidth;
        Labels = labels;
        Weights = weights;
        Count = features.Rows;
    }

    /// <summary>Number of rows.</summary>
    public int Count { get; }

    /// <summary>Features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>Label values per row.</summary>
    public int LabelWidth { get; }

    /// <summary>Row-major features; empty when the features are <see cref="SparseFeatures"/>.</summary>
    public float[] Features { get; }

    /// <summary>The features as CSR rows, for a data set made from a <see cref="SparseMatrix"/>; otherwise null.</summary>
    public SparseMatrix? SparseFeatures { get; }

    /// <summary>Labels, <see cref="LabelWidth"/> per row.</summary>
    public float[] Labels { get; }

    /// <summary>Per-example weights, or null when every row weighs 1.</summary>
    public float[]? Weights { get; }

    /// <summary>The features of one row (of a dense data set).</summary>
    /// <exception cref="InvalidOperationException">The data set is sparse.</exception>
    public ReadOnlySpan<float> FeatureRow(int row) => SparseFeatures is null
        ? Features.AsSpan(row * FeatureCount, FeatureCount)
        : throw new InvalidOperationException("This data set holds sparse rows: read them through SparseFeatures.");

    /// <summary>The labels of one row.</summary>
    public ReadOnlySpan<float> LabelRow(int row) => Labels.AsSpan(row * LabelWidth, LabelWidth);

    /// <summary>
    /// The checks of the constructor for rows read from a row source: <paramref name="count"/> rows of
    /// <paramref name="chunk"/>, the first of which is row <paramref name="firstRow"/> of its pass.
    /// </summary>
    /// <exception cref="ArgumentException">A feature is infinite, a label or weight is NaN or infinite, or a weight is negative; the message names the row and column.</exception>
    internal static void CheckRows(RowChunk chunk, int count, long firstRow)
    {
        for (int i = 0; i < count; i++)
        {
            long row = firstRow + i;
            RequireFinite(chunk.FeatureRow(i), chunk.FeatureCount, "feature", "source", allowMissing: true, row);
            RequireFinite(chunk.LabelRow(i), chunk.LabelWidth, "label", "source", allowMissing: false, row);
            if (chunk.HasWeights)
            {
                RequireWeights([chunk.Weight(i)], "source", row);
            }
        }
    }

    private static void RequireWeights(ReadOnlySpan<float> weights, string parameterName = "weights", long firstRow = 0)
    {
        RequireFinite(weights, 1, "weight", parameterName, allowMissing: false, firstRow);
        int negative = weights.IndexOfAnyInRange(float.NegativeInfinity, -float.Epsilon);
        if (negative >= 0)
        {
            throw new ArgumentException($"Weight of row {firstRow + negative} is {weights[negative]}; weights must be zero or positive.", parameterName);
        }
    }

    private static void RequireFinite(ReadOnlySpan<float> values, int width, string what, string parameterName, bool allowMissing, long firstRow = 0)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]) && !(allowMissing && float.IsNaN(values[i])))
            {
                string column = width == 1 ? string.Empty : $", column {i % width}";
                string expected = allowMissing ? "a finite number, or NaN for a missing value" : "a finite number (no NaN or infinity)";
                throw new ArgumentException(
                    $"The {what} at row {firstRow + (i / width)}{column} is {values[i]}; every {what} must be {expected}.",
                    parameterName);
            }
        }
    }
}
