using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// One mini-batch gathered from a data set by row indices: features (dense rows, or CSR rows for a sparse data set),
/// labels and weights, in buffers allocated once for the largest batch.
/// </summary>
internal sealed class BatchBuffer
{
    private readonly float[] _labels;
    private readonly float[] _weights;
    private int _rows;
    private bool _hasWeights;

    public BatchBuffer(int batchSize, int featureCount, int labelWidth, bool sparse = false)
    {
        Features = new Matrix(sparse ? 0 : batchSize, featureCount);
        SparseFeatures = sparse ? new SparseMatrix(featureCount, batchSize) : null;
        _labels = new float[batchSize * labelWidth];
        _weights = new float[batchSize];
    }

    /// <summary>The dense rows of the batch (no rows when the data set is sparse).</summary>
    public Matrix Features { get; }

    /// <summary>The CSR rows of the batch, when the data set is sparse; otherwise null.</summary>
    public SparseMatrix? SparseFeatures { get; }

    public ReadOnlySpan<float> Labels => _labels.AsSpan(0, _rows * (_labels.Length / _weights.Length));

    /// <summary>Weights of the rows, or empty when the data set has none.</summary>
    public ReadOnlySpan<float> Weights => _hasWeights ? _weights.AsSpan(0, _rows) : default;

    /// <summary>Copies the rows <paramref name="rows"/> of <paramref name="data"/>; labels come from <paramref name="labels"/> (possibly scaled).</summary>
    public void Gather(Dataset data, float[] labels, ReadOnlySpan<int> rows)
    {
        _rows = rows.Length;
        if (SparseFeatures is not null)
        {
            SparseFeatures.Clear();
        }
        else
        {
            Features.SetRows(rows.Length);
        }

        int width = data.LabelWidth;
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            if (SparseFeatures is not null)
            {
                SparseFeatures.AppendRowFrom(data.SparseFeatures!, row);
            }
            else
            {
                data.FeatureRow(row).CopyTo(Features.Row(i));
            }

            labels.AsSpan(row * width, width).CopyTo(_labels.AsSpan(i * width, width));
            if (data.Weights is not null)
            {
                _weights[i] = data.Weights[row];
            }
        }

        _hasWeights = data.Weights is not null;
    }
}
