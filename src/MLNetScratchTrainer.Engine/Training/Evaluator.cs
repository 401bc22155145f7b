using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// Loss and metric of a network on a set of rows, in inference mode: accuracy for classification,
/// R² (coefficient of determination, on the network's scale) for regression. Weighted when the data has weights.
/// Sparse data runs through <paramref name="sparseNetwork"/>, which shares the network's weights.
/// </summary>
internal sealed class Evaluator(Network network, SparseInputNetwork? sparseNetwork, MlpTask task, int batchSize)
{
    private BatchBuffer? _buffer;

    public (double Loss, double Metric) Evaluate(Dataset data, float[] labels, ReadOnlySpan<int> rows)
    {
        _buffer ??= new BatchBuffer(batchSize, data.FeatureCount, data.LabelWidth, sparse: data.SparseFeatures is not null);
        double lossSum = 0, weightSum = 0, correct = 0;
        int width = data.LabelWidth;
        var sums = new RegressionSums(width, labels, rows);
        for (int first = 0; first < rows.Length; first += batchSize)
        {
            var batch = rows.Slice(first, Math.Min(batchSize, rows.Length - first));
            _buffer.Gather(data, labels, batch);
            var logits = _buffer.SparseFeatures is { } sparseRows
                ? sparseNetwork!.Forward(sparseRows, training: false)
                : network.Forward(_buffer.Features, training: false);
            double batchWeight = 0;
            for (int i = 0; i < batch.Length; i++)
            {
                float weight = _buffer.Weights.IsEmpty ? 1f : _buffer.Weights[i];
                batchWeight += weight;
                var output = logits.Row(i);
                var label = _buffer.Labels.Slice(i * width, width);
                if (task == MlpTask.Regression)
                {
                    sums.Add(output, label, weight);
                }
                else if (PredictedClass(output) == (int)label[0])
                {
                    correct += weight;
                }
            }

            lossSum += network.Head.Loss(logits, _buffer.Labels, _buffer.Weights) * batchWeight;
            weightSum += batchWeight;
        }

        double loss = weightSum > 0 ? lossSum / weightSum : 0;
        double metric = task == MlpTask.Regression ? sums.RSquared : (weightSum > 0 ? correct / weightSum : 0);
        return (loss, metric);
    }

    private int PredictedClass(ReadOnlySpan<float> logits)
    {
        if (task == MlpTask.BinaryClassification)
        {
            return logits[0] > 0f ? 1 : 0;
        }

        int best = 0;
        for (int j = 1; j < logits.Length; j++)
        {
            if (logits[j] > logits[best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>Running sums for R² = 1 − Σw(t − y)² / Σw(t − t̄)², over every target column.</summary>
    private sealed class RegressionSums
    {
        private readonly double[] _mean;
        private double _residual, _total;

        public RegressionSums(int width, float[] labels, ReadOnlySpan<int> rows)
        {
            _mean = new double[width];
            foreach (int row in rows)
            {
                for (int j = 0; j < width; j++)
                {
                    _mean[j] += labels[(row * width) + j] / (double)rows.Length;
                }
            }
        }

        public double RSquared => _total > 0 ? 1 - (_residual / _total) : 0;

        public void Add(ReadOnlySpan<float> output, ReadOnlySpan<float> label, float weight)
        {
            for (int j = 0; j < label.Length; j++)
            {
                _residual += weight * Math.Pow(label[j] - output[j], 2);
                _total += weight * Math.Pow(label[j] - _mean[j], 2);
            }
        }
    }
}
