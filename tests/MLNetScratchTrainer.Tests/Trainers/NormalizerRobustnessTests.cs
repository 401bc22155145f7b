using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Tests.Data;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>
/// The model scales its inputs itself (robust scaling fitted on the training rows), so the user's normalizer barely
/// matters: breast cancer (30 features from 0.001 to 4,000) through no normalizer, NormalizeMinMax,
/// NormalizeMeanVariance and NormalizeLogMeanVariance gives AUCs within 0.01 of each other, with the default options.
/// </summary>
[TestClass]
public sealed class NormalizerRobustnessTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void TheFourNormalizersGiveTheSameQualityWithinOnePoint()
    {
        var ml = new MLContext(seed: 1);
        var data = TabularData.Load(ml, "breast_cancer", DataKind.Boolean);
        var split = data.Split(ml);
        var normalizers = new Dictionary<string, Func<IEstimator<ITransformer>>>
        {
            ["none"] = () => ml.Transforms.CopyColumns("Features", "Features"),
            ["MinMax"] = () => ml.Transforms.NormalizeMinMax("Features"),
            ["MeanVariance"] = () => ml.Transforms.NormalizeMeanVariance("Features"),
            ["LogMeanVariance"] = () => ml.Transforms.NormalizeLogMeanVariance("Features"),
        };

        var auc = new Dictionary<string, double>();
        foreach (var (name, normalizer) in normalizers)
        {
            var pipeline = ml.Transforms.CopyColumns("Label", "target")
                .Append(ml.Transforms.Concatenate("Features", data.FeatureNames))
                .Append(normalizer())
                .Append(ml.BinaryClassification.Trainers.Mlp(new MlpOptions { Seed = 1, NumberOfThreads = 1 }));
            var metrics = ml.BinaryClassification.Evaluate(pipeline.Fit(split.TrainSet).Transform(split.TestSet));
            auc[name] = metrics.AreaUnderRocCurve;
            TestContext.WriteLine($"{name}: AUC {metrics.AreaUnderRocCurve:F4}, accuracy {metrics.Accuracy:F4}");
        }

        Assert.IsLessThanOrEqualTo(0.01, auc.Values.Max() - auc.Values.Min());
        Assert.IsGreaterThan(0.98, auc.Values.Min(), "and the quality is good, not equally bad");
    }
}
