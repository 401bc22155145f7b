using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Models;

[TestClass]
public sealed class PredictorTests
{
    private static readonly MlpModel Model = RandomModels.Create(
        new MlpArchitecture(5, [9, 7], 3, MlpTask.MulticlassClassification, Activation.LeakyRelu, dropoutRate: 0.2f, batchNormalization: true), seed: 1);

    [TestMethod]
    public void Predict_WrongInputLength_ThrowsNamingTheExpectedSize()
    {
        var predictor = Model.CreatePredictor();

        var exception = Assert.ThrowsExactly<ArgumentException>(() => predictor.Predict(new float[4], new float[3]));

        Assert.Contains("Expected 5 values", exception.Message);
        Assert.AreEqual("features", exception.ParamName);
        Assert.Contains("Expected 5 values", Assert.ThrowsExactly<ArgumentException>(() => Model.Predict(new float[6])).Message);
    }

    [TestMethod]
    public void PredictBatch_NotWholeRows_Throws()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => Model.CreatePredictor().PredictBatch(new float[12], new float[6]));

        Assert.Contains("not a whole number of rows of 5", exception.Message);
    }

    [TestMethod]
    public void PredictBatch_EqualsRowByRowPredictExactly()
    {
        // 300 rows: more than one 256-row chunk, and batches take the packed matrix product while single rows
        // take the few-rows path; the two must agree bit for bit.
        const int rows = 300;
        float[] features = RandomValues.Uniform(rows * 5, seed: 2, min: -3f, max: 3f);
        var predictor = Model.CreatePredictor();
        var batch = new float[rows * 3];

        predictor.PredictBatch(features, batch);

        var single = new float[3];
        for (int row = 0; row < rows; row++)
        {
            predictor.Predict(features.AsSpan(row * 5, 5), single);
            CollectionAssert.AreEqual(batch[(row * 3)..((row + 1) * 3)], single, $"row {row}");
            CollectionAssert.AreEqual(single, Model.Predict(features.AsSpan(row * 5, 5)), $"model.Predict, row {row}");
        }
    }

    [TestMethod]
    public void CreatePredictor_ReadsTheModelsWeightsInPlace_CopiesNone()
    {
        // A wide first layer (20,000 × 32 floats, 2.5 MB): a predictor that copied it, or built a network of zeros first,
        // would allocate at least that much.
        var model = RandomModels.Create(new MlpArchitecture(20_000, [32], 1, MlpTask.BinaryClassification), seed: 7);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var predictor = model.CreatePredictor();

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.IsLessThan(200_000L, allocated, $"{allocated:N0} bytes allocated by CreatePredictor");
        float[] row = RandomValues.Uniform(20_000, seed: 8);
        var output = new float[1];
        predictor.Predict(row, output);
        Assert.AreEqual(model.Predict(row)[0], output[0]);
    }

    [TestMethod]
    public void Predict_LeavesTheModelsTensorsAsTheyWere()
    {
        // Predictors share the model's arrays, so inference must never write to them (batch-norm statistics included).
        var model = RandomModels.Create(new MlpArchitecture(5, [9, 7], 3, MlpTask.MulticlassClassification, Activation.LeakyRelu, dropoutRate: 0.2f, batchNormalization: true), seed: 3);
        float[][] tensors = [.. model.TensorNames.Select(name => model.GetTensor(name).ToArray())];
        float[] features = RandomValues.Uniform(300 * 5, seed: 4, min: -3f, max: 3f);

        model.CreatePredictor().PredictBatch(features, new float[300 * 3]);
        model.Predict(features.AsSpan(0, 5));

        for (int i = 0; i < tensors.Length; i++)
        {
            CollectionAssert.AreEqual(tensors[i], model.GetTensor(model.TensorNames[i]).ToArray(), model.TensorNames[i]);
        }
    }

    [TestMethod]
    public void PredictBatch_OnTwoThreads_EqualsOneThreadExactly()
    {
        // Wide enough layers that the batch products are split over the threads.
        var model = RandomModels.Create(new MlpArchitecture(64, [96, 80], 4, MlpTask.MulticlassClassification), seed: 5);
        float[] features = RandomValues.Uniform(700 * 64, seed: 6);
        var oneThread = new float[700 * 4];
        var twoThreads = new float[700 * 4];

        model.CreatePredictor().PredictBatch(features, oneThread);
        using (var predictor = model.CreatePredictor(numberOfThreads: 2))
        {
            predictor.PredictBatch(features, twoThreads);
        }

        CollectionAssert.AreEqual(oneThread, twoThreads);
    }

    [TestMethod]
    public void Predict_IsDeterministicAtInference_DropoutOff()
    {
        float[] row = RandomValues.Uniform(5, seed: 3);

        float[] first = Model.Predict(row);

        CollectionAssert.AreEqual(first, Model.Predict(row));
        Assert.AreEqual(1, first.Sum(), 1e-6, "class probabilities sum to 1");
        Assert.AreEqual(Array.IndexOf(first, first.Max()), Model.PredictClass(row));
    }

    [TestMethod]
    public void Predict_Regression_MapsOutputsBackThroughTargetScaling()
    {
        var architecture = new MlpArchitecture(2, [4], 2, MlpTask.Regression);
        var scaled = RandomModels.Create(architecture, seed: 4, new TargetScaling([100f, -5f], [10f, 0.5f]));
        var unscaled = RandomModels.Create(architecture, seed: 4);
        float[] row = [0.3f, -0.8f];

        float[] raw = unscaled.Predict(row), mapped = scaled.Predict(row);

        Assert.AreEqual((raw[0] * 10f) + 100f, mapped[0], 1e-4);
        Assert.AreEqual((raw[1] * 0.5f) - 5f, mapped[1], 1e-6);
    }
}
