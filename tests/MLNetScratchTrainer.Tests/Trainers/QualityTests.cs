using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Tests.Data;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>
/// The pipeline (label → Concatenate → NormalizeMinMax → Mlp, and MapKeyToValue for multiclass) on the
/// repository's data sets, evaluated by ML.NET's evaluators on a fixed 80/20 split (TrainTestSplit, seed 7), against
/// ML.NET's SDCA trainers (single-threaded, so that they are deterministic too) on the same split and preparation.
/// </summary>
[TestClass]
public sealed class QualityTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("iris")]
    [DataRow("wine")]
    public void MulticlassMlpIsAtLeastAsAccurateAsSdcaMaximumEntropy(string dataset)
    {
        var ml = new MLContext(seed: 1);
        var (mlpMetrics, sdcaMetrics) = Compare(ml, MlpTask.MulticlassClassification, TabularData.Load(ml, dataset),
            ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }),
            predictions => ml.MulticlassClassification.Evaluate(predictions));

        TestContext.WriteLine($"{dataset}: Mlp accuracy {mlpMetrics.MicroAccuracy:F4} (macro {mlpMetrics.MacroAccuracy:F4}, log-loss {mlpMetrics.LogLoss:F4}); " +
            $"SdcaMaximumEntropy accuracy {sdcaMetrics.MicroAccuracy:F4} (macro {sdcaMetrics.MacroAccuracy:F4}, log-loss {sdcaMetrics.LogLoss:F4})");
        Assert.IsGreaterThanOrEqualTo(sdcaMetrics.MicroAccuracy, mlpMetrics.MicroAccuracy);
    }

    [TestMethod]
    public void BinaryMlpIsAtLeastAsAccurateAsSdcaLogisticRegression()
    {
        var ml = new MLContext(seed: 1);
        var (mlpMetrics, sdcaMetrics) = Compare(ml, MlpTask.BinaryClassification, TestPipelines.Load(ml, MlpTask.BinaryClassification),
            ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }),
            predictions => ml.BinaryClassification.Evaluate(predictions));

        TestContext.WriteLine($"breast_cancer: Mlp accuracy {mlpMetrics.Accuracy:F4} (AUC {mlpMetrics.AreaUnderRocCurve:F4}, F1 {mlpMetrics.F1Score:F4}); " +
            $"SdcaLogisticRegression accuracy {sdcaMetrics.Accuracy:F4} (AUC {sdcaMetrics.AreaUnderRocCurve:F4}, F1 {sdcaMetrics.F1Score:F4})");
        Assert.IsGreaterThanOrEqualTo(sdcaMetrics.Accuracy, mlpMetrics.Accuracy);
    }

    [TestMethod]
    public void RegressionMlpIsWithinTwoHundredthsOfTheRSquaredOfSdca()
    {
        var ml = new MLContext(seed: 1);
        var (mlpMetrics, sdcaMetrics) = Compare(ml, MlpTask.Regression, TestPipelines.Load(ml, MlpTask.Regression),
            ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1 }),
            predictions => ml.Regression.Evaluate(predictions));

        TestContext.WriteLine($"diabetes: Mlp R² {mlpMetrics.RSquared:F4} (RMSE {mlpMetrics.RootMeanSquaredError:F2}); Sdca R² {sdcaMetrics.RSquared:F4} (RMSE {sdcaMetrics.RootMeanSquaredError:F2})");
        Assert.IsGreaterThanOrEqualTo(sdcaMetrics.RSquared - RSquaredTolerance, mlpMetrics.RSquared);
    }

    /// <summary>
    /// How far the Mlp's R² may trail SDCA's on one split of diabetes: the product's tolerance (issue 9). On this small,
    /// nearly linear set the default Mlp's R² moves by a few hundredths from split to split (docs/defaults.md).
    /// </summary>
    private const double RSquaredTolerance = 0.02;

    /// <summary>
    /// Fits the Mlp pipeline and the SDCA trainer (after the same preparation) on the fixed split's training set and
    /// evaluates both on its test set.
    /// </summary>
    private static (TMetrics Mlp, TMetrics Sdca) Compare<TMetrics>(
        MLContext ml, MlpTask task, TabularData data, IEstimator<ITransformer> sdcaTrainer, Func<IDataView, TMetrics> evaluate)
    {
        var split = data.Split(ml);
        var sdca = TestPipelines.Prepare(ml, task, data).Append(sdcaTrainer);
        var mlp = TestPipelines.Mlp(ml, task, data);

        var sdcaMetrics = evaluate(sdca.Fit(split.TrainSet).Transform(split.TestSet));
        var mlpMetrics = evaluate(mlp.Fit(split.TrainSet).Transform(split.TestSet));
        return (mlpMetrics, sdcaMetrics);
    }
}
