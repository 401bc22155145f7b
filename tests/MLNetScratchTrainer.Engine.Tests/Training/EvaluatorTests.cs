using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class EvaluatorTests
{
    [TestMethod]
    public void ValidationRSquared_WithWeights_UsesTheWeightedMean()
    {
        // Validation rows with very unequal weights: R² = 1 − Σw(t − y)² / Σw(t − t̄w)², t̄w the weighted mean. The
        // recorded metric must match this formula computed from the model's own predictions (R² does not change when
        // the targets are standardised, so the network's scale and the targets' scale give the same value).
        var train = SyntheticData.LinearRegression(200, seed: 10);
        var plain = SyntheticData.LinearRegression(40, seed: 11);
        float[] weights = [.. Enumerable.Range(0, plain.Count).Select(row => row % 3 == 0 ? 10f : 0.5f)];
        var validation = new Dataset(plain.Features, plain.FeatureCount, plain.Labels, weights: weights);
        var options = Quick.Options(MlpTask.Regression);
        options.NumberOfEpochs = 3;

        var model = Quick.Fit(options, train, validation);

        double weightSum = weights.Sum(w => (double)w);
        double mean = Enumerable.Range(0, plain.Count).Sum(row => weights[row] * (double)plain.Labels[row]) / weightSum;
        double residual = 0, total = 0;
        for (int row = 0; row < plain.Count; row++)
        {
            double t = plain.Labels[row];
            residual += weights[row] * Math.Pow(t - model.Predict(plain.FeatureRow(row))[0], 2);
            total += weights[row] * Math.Pow(t - mean, 2);
        }

        Assert.AreEqual(1 - (residual / total), model.History.Epochs[model.History.BestEpoch - 1].ValidationMetric!.Value, 1e-4);
    }
}
