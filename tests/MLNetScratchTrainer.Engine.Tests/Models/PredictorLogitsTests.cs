using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Models;

[TestClass]
public sealed class PredictorLogitsTests
{
    private static readonly float[] Features = [0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f, 0.5f, 0.2f, 0.9f, 0.4f];

    [TestMethod]
    public void BinaryLogitIsTheLogOddsOfTheProbability()
    {
        var predictor = Train(MlpTask.BinaryClassification, [0f, 1f, 1f, 0f, 1f, 0f]).CreatePredictor();
        var probability = new float[1];
        var logit = new float[1];
        for (int row = 0; row < Features.Length / 2; row++)
        {
            var features = Features.AsSpan(row * 2, 2);
            predictor.Predict(features, probability);
            predictor.PredictLogits(features, logit);
            Assert.AreEqual(probability[0], Sigmoid.Function(logit[0]), 1e-6f);
        }
    }

    [TestMethod]
    public void MulticlassLogitsSoftmaxToTheProbabilities()
    {
        var predictor = Train(MlpTask.MulticlassClassification, [0f, 1f, 2f, 0f, 1f, 2f]).CreatePredictor();
        var probabilities = new float[3];
        var logits = new float[3];
        predictor.Predict(Features.AsSpan(0, 2), probabilities);
        predictor.PredictLogits(Features.AsSpan(0, 2), logits);
        double total = logits.Sum(z => Math.Exp(z));
        for (int k = 0; k < 3; k++)
        {
            Assert.AreEqual(probabilities[k], Math.Exp(logits[k]) / total, 1e-6);
        }
    }

    [TestMethod]
    public void WrongLengthsAreRejected()
    {
        var predictor = Train(MlpTask.BinaryClassification, [0f, 1f, 1f, 0f, 1f, 0f]).CreatePredictor();
        Assert.ThrowsExactly<ArgumentException>(() => predictor.PredictLogits(new float[3], new float[1]));
        Assert.ThrowsExactly<ArgumentException>(() => predictor.PredictLogits(new float[2], new float[2]));
    }

    private static MlpModel Train(MlpTask task, float[] labels)
    {
        var options = new MlpTrainerOptions { Task = task, HiddenLayers = [4], NumberOfEpochs = 3, BatchSize = 2, NumberOfThreads = 1 };
        return new MlpTrainer(options).Fit(new Dataset(Features, 2, labels));
    }
}
