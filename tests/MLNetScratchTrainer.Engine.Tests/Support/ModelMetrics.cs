using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>Scores a model on a data set through its public prediction API, independently of the trainer's evaluator.</summary>
internal static class ModelMetrics
{
    /// <summary>Fraction of rows whose predicted class equals the label.</summary>
    public static double Accuracy(MlpModel model, Dataset data)
    {
        int correct = 0;
        for (int row = 0; row < data.Count; row++)
        {
            correct += model.PredictClass(data.FeatureRow(row)) == (int)data.Labels[row] ? 1 : 0;
        }

        return (double)correct / data.Count;
    }

    /// <summary>Coefficient of determination 1 − Σ(t − y)² / Σ(t − t̄)² of a single-target regression, on the targets' own scale.</summary>
    public static double RSquared(MlpModel model, Dataset data)
    {
        double mean = data.Labels.Average(t => (double)t), residual = 0, total = 0;
        for (int row = 0; row < data.Count; row++)
        {
            double t = data.Labels[row];
            residual += Math.Pow(t - model.Predict(data.FeatureRow(row))[0], 2);
            total += Math.Pow(t - mean, 2);
        }

        return 1 - (residual / total);
    }
}
