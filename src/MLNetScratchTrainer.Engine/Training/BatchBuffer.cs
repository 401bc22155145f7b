using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// One mini-batch gathered from a data set by row indices: features, labels and weights,
/// in buffers allocated once for the largest batch.
/// </summary>
internal sealed class BatchBuffer
{
    private readonly float[] _labels;
    private readonly float[] _weights;

    public BatchBuffer(int batchSize, int featureCount, int labelWidth)
    {
        Features = new Matrix(batchSize, featureCount);
        _labels = new float[batchSize * labelWidth];
        _weights = new float[batchSize];
    }

    public Matrix Features { get; }

    public ReadOnlySpan<float> Labels => _labels.AsSpan(0, Features.Rows * (_labels.Length / _weights.Length));

    private bool _hasWeights;

    /// <summary>Weights of the rows, or empty when the data set has none.</summary>
    public ReadOnlySpan<float> Weights => _hasWeights ? _weights.AsSpan(0, Features.Rows) : default;

    /// <summary>Copies the rows <paramref name="rows"/> of <paramref name="data"/>; labels come from <paramref name="labels"/> (possibly scaled).</summary>
    public void Gather(Dataset data, float[] labels, ReadOnlySpan<int> rows)
    {
        Features.SetRows(rows.Length);
        int width = data.LabelWidth;
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            data.FeatureRow(row).CopyTo(Features.Row(i));
            labels.AsSpan(row * width, width).CopyTo(_labels.AsSpan(i * width, width));
            if (data.Weights is not null)
            {
                _weights[i] = data.Weights[row];
            }
        }

        _hasWeights = data.Weights is not null;
    }
}
