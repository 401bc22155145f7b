using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// Loss and metric of a network on a set of rows, in inference mode: accuracy for classification (or, for binary
/// classification, the area under the ROC curve when <paramref name="binaryMetric"/> asks for it), R² (coefficient of
/// determination, on the network's scale) for regression. Weighted when the data has weights.
/// Sparse data runs through <paramref name="sparseNetwork"/>, which shares the network's weights.
/// </summary>
internal sealed class Evaluator(Network network, SparseInputNetwork? sparseNetwork, MlpTask task, BinaryValidationMetric binaryMetric, BatchBuffer buffer)
{
    private bool RanksRows => task == MlpTask.BinaryClassification && binaryMetric == BinaryValidationMetric.AreaUnderRocCurve;

    /// <summary>The name of the metric <see cref="Evaluate"/> returns, for <see cref="TrainingHistory.MetricName"/>.</summary>
    public string MetricName => task == MlpTask.Regression ? TrainingHistory.RSquared : RanksRows ? TrainingHistory.AreaUnderRocCurve : TrainingHistory.Accuracy;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double Loss, double Metric) Evaluate(Dataset data, float[] labels, ReadOnlySpan<int> rows)
    {
        int batchSize = buffer.Capacity;
        double lossSum = 0, weightSum = 0, correct = 0;
        int width = data.LabelWidth;
        var sums = new RegressionSums(width, labels, data.Weights, rows);
        var scores = RanksRows ? new float[rows.Length] : [];
        var positive = RanksRows ? new bool[rows.Length] : [];
        for (int first = 0; first < rows.Length; first += batchSize)
        {
            var batch = rows.Slice(first, Math.Min(batchSize, rows.Length - first));
            buffer.Gather(data, labels, batch);
            var logits = buffer.SparseFeatures is { } sparseRows
                ? sparseNetwork!.Forward(sparseRows, training: false)
                : network.Forward(buffer.Features, training: false);
            double batchWeight = 0;
            for (int i = 0; i < batch.Length; i++)
            {
                float weight = buffer.Weights.IsEmpty ? 1f : buffer.Weights[i];
                batchWeight += weight;
                var output = logits.Row(i);
                var label = buffer.Labels.Slice(i * width, width);
                if (task == MlpTask.Regression)
                {
                    sums.Add(output, label, weight);
                }
                else if (RanksRows)
                {
                    (scores[first + i], positive[first + i]) = (output[0], (int)label[0] == 1);
                }
                else if (PredictedClass(output) == (int)label[0])
                {
                    correct += weight;
                }
            }

            lossSum += network.Head.Loss(logits, buffer.Labels, buffer.Weights) * batchWeight;
            weightSum += batchWeight;
        }

        double loss = weightSum > 0 ? lossSum / weightSum : 0;
        double metric = task == MlpTask.Regression ? sums.RSquared
            : RanksRows ? RocArea.Compute(scores, positive, RowWeights(data, rows))
            : (weightSum > 0 ? correct / weightSum : 0);
        return (loss, metric);
    }

    private static float[] RowWeights(Dataset data, ReadOnlySpan<int> rows)
    {
        if (data.Weights is not { } weights)
        {
            return [];
        }

        var selected = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            selected[i] = weights[rows[i]];
        }

        return selected;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>Running sums for R² = 1 − Σw(t − y)² / Σw(t − t̄)², over every target column, where t̄ = Σw·t / Σw is the weighted mean.</summary>
    private sealed class RegressionSums
    {
        private readonly double[] _mean;
        private double _residual, _total;

        public RegressionSums(int width, float[] labels, float[]? weights, ReadOnlySpan<int> rows)
        {
            _mean = new double[width];
            double weightSum = 0;
            foreach (int row in rows)
            {
                double weight = weights?[row] ?? 1;
                weightSum += weight;
                for (int j = 0; j < width; j++)
                {
                    _mean[j] += weight * labels[(row * width) + j];
                }
            }

            for (int j = 0; j < width; j++)
            {
                _mean[j] = weightSum > 0 ? _mean[j] / weightSum : 0;
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
