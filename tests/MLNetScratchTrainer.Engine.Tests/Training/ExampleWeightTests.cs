using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class ExampleWeightTests
{
    [TestMethod]
    public void Fit_RowsOfWeightZero_TrainExactlyAsIfTheyWereAbsent()
    {
        // Full batch, no shuffling: the two runs see the same rows in the same order. A weight-0 row adds exact
        // zeros to every gradient sum, so the weights must come out bit-identical.
        var data = SyntheticData.Blobs(20, 3, 4, seed: 1);
        float[] weights = [.. Enumerable.Range(0, data.Count).Select(row => row % 4 == 0 ? 0f : 1f)];
        var weighted = new Dataset(data.Features, data.FeatureCount, data.Labels, weights: weights);
        var options = FullBatch();

        var withZeros = Quick.Fit(options, weighted);
        var without = Quick.Fit(options, SyntheticData.Where(data, row => row % 4 != 0));

        ModelAssert.BitIdentical(without, withZeros);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Fit_ConflictingCopies_PredictionsFollowTheHeavierRows(bool favourFlipped)
    {
        // Every row appears twice, once with its label and once with the other one; the weights decide.
        var original = SyntheticData.Blobs(30, 2, 2, seed: 2);
        int n = original.Count;
        float[] labels = [.. original.Labels, .. original.Labels.Select(label => 1 - label)];
        float[] weights = [.. Enumerable.Repeat(favourFlipped ? 0.2f : 1f, n), .. Enumerable.Repeat(favourFlipped ? 1f : 0.2f, n)];
        var doubled = new Dataset([.. original.Features, .. original.Features], 2, labels, weights: weights);
        var options = Quick.Options(MlpTask.BinaryClassification);
        options.NumberOfEpochs = 60;

        var model = Quick.Fit(options, doubled);

        double accuracy = ModelMetrics.Accuracy(model, original);
        Assert.IsGreaterThan(0.9, favourFlipped ? 1 - accuracy : accuracy, $"accuracy on the original labels {accuracy}");
    }

    private static MlpTrainerOptions FullBatch()
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.BatchSize = 1000;
        options.Shuffle = false;
        options.NumberOfEpochs = 10;
        return options;
    }
}
