using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Tests.Data;
using MLNetScratchTrainer.Transformers;
using static MLNetScratchTrainer.Engine.Models.MlpTask;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>
/// <c>mlContext.&lt;Task&gt;.CrossValidate(data, pipeline, numberOfFolds: 5)</c> with the Mlp as the pipeline's trainer: five
/// models, each scored on its own held-out fifth, each learning the rule (see <see cref="SignalAndNoiseRow"/>).
/// </summary>
[TestClass]
public sealed class CrossValidationTests
{
    private const int Rows = 250;
    private const int Folds = 5;

    [TestMethod]
    public void MulticlassCrossValidates()
    {
        var ml = new MLContext(seed: 1);
        var data = SignalAndNoiseRow.Generate(ml, Rows);

        var results = ml.MulticlassClassification.CrossValidate(data, SignalAndNoiseRow.Pipeline(ml, MulticlassClassification), Folds);

        AssertFolds<MlpMulticlassTransformer>(results.Select(fold => (fold.Model, fold.ScoredHoldOutSet)));
        Assert.IsTrue(results.All(fold => fold.Metrics.MacroAccuracy > 0.85), string.Join(", ", results.Select(fold => fold.Metrics.MacroAccuracy)));
    }

    [TestMethod]
    public void BinaryCrossValidates()
    {
        var ml = new MLContext(seed: 1);
        var data = SignalAndNoiseRow.Generate(ml, Rows);

        var results = ml.BinaryClassification.CrossValidate(data, SignalAndNoiseRow.Pipeline(ml, BinaryClassification), Folds, labelColumnName: "Positive");

        AssertFolds<MlpBinaryTransformer>(results.Select(fold => (fold.Model, fold.ScoredHoldOutSet)));
        Assert.IsTrue(results.All(fold => fold.Metrics.AreaUnderRocCurve > 0.95), string.Join(", ", results.Select(fold => fold.Metrics.AreaUnderRocCurve)));
    }

    [TestMethod]
    public void RegressionCrossValidates()
    {
        var ml = new MLContext(seed: 1);
        var data = SignalAndNoiseRow.Generate(ml, Rows);

        var results = ml.Regression.CrossValidate(data, SignalAndNoiseRow.Pipeline(ml, Regression), Folds, labelColumnName: "Value");

        AssertFolds<MlpRegressionTransformer>(results.Select(fold => (fold.Model, fold.ScoredHoldOutSet)));
        Assert.IsTrue(results.All(fold => fold.Metrics.RSquared > 0.9), string.Join(", ", results.Select(fold => fold.Metrics.RSquared)));
    }

    /// <summary>Five folds, each with its own Mlp, whose held-out sets together hold every row once.</summary>
    private static void AssertFolds<TTransformer>(IEnumerable<(ITransformer Model, IDataView HoldOut)> folds)
        where TTransformer : MlpTransformerBase
    {
        var list = folds.ToList();
        Assert.HasCount(Folds, list);
        var mlps = list.Select(fold => ((IEnumerable<ITransformer>)fold.Model).OfType<TTransformer>().Single()).ToList();
        Assert.HasCount(Folds, mlps.Distinct());
        var heldOut = list.Sum(fold => fold.HoldOut.GetColumn<float>(nameof(SignalAndNoiseRow.Signal)).Count());
        Assert.AreEqual(Rows, heldOut);
    }
}
