using Microsoft.ML;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Tests.Transformers;

/// <summary>A <c>PredictionEngine</c> over the trained pipeline predicts exactly what <c>Transform</c> does, row by row.</summary>
[TestClass]
public sealed class PredictionEngineTests
{
    [TestMethod]
    public void MulticlassEngineEqualsTransform() => AssertEngineEqualsTransform<float, MulticlassPrediction>(MlpTask.MulticlassClassification);

    [TestMethod]
    public void BinaryEngineEqualsTransform() => AssertEngineEqualsTransform<bool, BinaryPrediction>(MlpTask.BinaryClassification);

    [TestMethod]
    public void RegressionEngineEqualsTransform() => AssertEngineEqualsTransform<float, RegressionPrediction>(MlpTask.Regression);

    private static void AssertEngineEqualsTransform<TTarget, TPrediction>(MlpTask task)
        where TPrediction : class, new()
    {
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, task, vectorFeatures: true);
        var split = data.Split(ml);
        var model = TestPipelines.Mlp(ml, task, data, FastOptions.Create()).Fit(split.TrainSet);
        var engine = ml.Model.CreatePredictionEngine<VectorRow<TTarget>, TPrediction>(model, inputSchemaDefinition: InputRows.Definition<TTarget>(data.FeatureCount));

        var viaTransform = ml.Data.CreateEnumerable<TPrediction>(model.Transform(split.TestSet), reuseRowObject: false).Select(p => p.ToString()).ToList();
        var viaEngine = InputRows.Read<TTarget>(ml, split.TestSet, data.FeatureCount).Select(row => engine.Predict(row).ToString()).ToList();

        Assert.IsNotEmpty(viaTransform);
        CollectionAssert.AreEqual(viaTransform, viaEngine);
    }
}
