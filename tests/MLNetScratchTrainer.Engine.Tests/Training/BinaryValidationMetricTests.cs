using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class BinaryValidationMetricTests
{
    [TestMethod]
    public void AreaUnderRocCurve_IsRecordedForTheKeptModel()
    {
        // Overlapping blobs (separation 1), so the area is well below 1: the recorded metric of the kept epoch must equal
        // the share of (positive, negative) validation pairs that the kept model's probabilities put in the right order.
        var train = SyntheticData.Blobs(150, 2, 3, seed: 5, separation: 1f);
        var validation = SyntheticData.Blobs(60, 2, 3, seed: 6, separation: 1f);
        var options = Quick.Options(MlpTask.BinaryClassification);
        options.BinaryValidationMetric = BinaryValidationMetric.AreaUnderRocCurve;
        options.KeepBestEpoch = true;

        var model = Quick.Fit(options, train, validation);

        float[] scores = [.. Enumerable.Range(0, validation.Count).Select(row => model.Predict(validation.FeatureRow(row))[0])];
        double right = 0, pairs = 0;
        for (int p = 0; p < validation.Count; p++)
        {
            for (int n = 0; n < validation.Count; n++)
            {
                if (validation.Labels[p] == 1f && validation.Labels[n] == 0f)
                {
                    pairs++;
                    right += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                }
            }
        }

        Assert.AreEqual(TrainingHistory.AreaUnderRocCurve, model.History.MetricName);
        Assert.AreEqual(right / pairs, model.History.Epochs[model.History.BestEpoch - 1].ValidationMetric!.Value, 1e-9);
        Assert.IsTrue(right / pairs is > 0.6 and < 0.99, $"area {right / pairs}: the blobs overlap but the model ranks them");
    }
}
