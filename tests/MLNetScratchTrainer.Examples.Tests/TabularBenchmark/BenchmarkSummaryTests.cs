using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Examples.TabularBenchmark;

namespace MLNetScratchTrainer.Examples.Tests.TabularBenchmark;

[TestClass]
public sealed class BenchmarkSummaryTests
{
    private static readonly string[] Families = [TrainerFamilies.Mlp, TrainerFamilies.LightGbm, TrainerFamilies.Sdca];

    // Two data sets, two splits each. "a" (multiclass): Mlp 0.90/0.94 (mean 0.92), LightGbm 0.92/0.92, Sdca 0.80/0.84:
    // Mlp and LightGbm tie for rank 1.5. "b" (regression): Mlp 0.50/0.40 (0.45), LightGbm 0.60/0.70 (0.65), Sdca 0.55/0.55.
    private static readonly FitResult[] Fits =
    [
        new("a", MlpTask.MulticlassClassification, 1, TrainerFamilies.Mlp, "Mlp", 0.90, 2.0),
        new("a", MlpTask.MulticlassClassification, 2, TrainerFamilies.Mlp, "Mlp", 0.94, 2.0),
        new("a", MlpTask.MulticlassClassification, 1, TrainerFamilies.LightGbm, "LightGbm", 0.92, 1.0),
        new("a", MlpTask.MulticlassClassification, 2, TrainerFamilies.LightGbm, "LightGbm", 0.92, 1.0),
        new("a", MlpTask.MulticlassClassification, 1, TrainerFamilies.Sdca, "SdcaMaximumEntropy", 0.80, 0.5),
        new("a", MlpTask.MulticlassClassification, 2, TrainerFamilies.Sdca, "SdcaMaximumEntropy", 0.84, 0.5),
        new("b", MlpTask.Regression, 1, TrainerFamilies.Mlp, "Mlp", 0.50, 1.0),
        new("b", MlpTask.Regression, 2, TrainerFamilies.Mlp, "Mlp", 0.40, 3.0),
        new("b", MlpTask.Regression, 1, TrainerFamilies.LightGbm, "LightGbm", 0.60, 4.0),
        new("b", MlpTask.Regression, 2, TrainerFamilies.LightGbm, "LightGbm", 0.70, 4.0),
        new("b", MlpTask.Regression, 1, TrainerFamilies.Sdca, "Sdca", 0.55, 0.1),
        new("b", MlpTask.Regression, 2, TrainerFamilies.Sdca, "Sdca", 0.55, 0.1),
    ];

    [TestMethod]
    public void RanksTheMeanMetricOfEachDataSet()
    {
        var summary = new BenchmarkSummary(Fits, ["a", "b"], Families);
        var a = summary.Datasets[0];
        var b = summary.Datasets[1];

        Assert.AreEqual(0.92, a.Of(TrainerFamilies.Mlp)!.MeanMetric, 1e-12);
        Assert.AreEqual(1.5, a.Of(TrainerFamilies.Mlp)!.Rank);
        Assert.AreEqual(1.5, a.Of(TrainerFamilies.LightGbm)!.Rank);
        Assert.AreEqual(3.0, a.Of(TrainerFamilies.Sdca)!.Rank);
        Assert.AreEqual(3.0, b.Of(TrainerFamilies.Mlp)!.Rank);
        Assert.AreEqual(1.0, b.Of(TrainerFamilies.LightGbm)!.Rank);
        Assert.AreEqual(Math.Sqrt(0.02 * 0.02 * 2), a.Of(TrainerFamilies.Mlp)!.StandardDeviation, 1e-12);
    }

    [TestMethod]
    public void AveragesRanksOverDataSets()
    {
        var summary = new BenchmarkSummary(Fits, ["a", "b"], Families);

        Assert.AreEqual((1.5 + 3.0) / 2, summary.MeanRanks[TrainerFamilies.Mlp]);
        Assert.AreEqual((1.5 + 1.0) / 2, summary.MeanRanks[TrainerFamilies.LightGbm]);
        Assert.AreEqual((3.0 + 2.0) / 2, summary.MeanRanks[TrainerFamilies.Sdca]);
    }

    [TestMethod]
    public void CountsTheMlpAgainstLightGbmPerDataSetAndPerSplit()
    {
        var summary = new BenchmarkSummary(Fits, ["a", "b"], Families);

        Assert.AreEqual(new HeadToHead(0, 1, 1), summary.MlpVersusLightGbm);
        Assert.AreEqual(new HeadToHead(1, 0, 3), summary.MlpVersusLightGbmPerSplit);
    }

    [TestMethod]
    public void TheFitTimeRatioIsAGeometricMeanOverDataSets()
    {
        var summary = new BenchmarkSummary(Fits, ["a", "b"], Families);

        // a: 2 s / 1 s; b: 2 s / 4 s; geometric mean sqrt(2 × 0.5) = 1.
        Assert.AreEqual(2.0, summary.TimeRatios["a"], 1e-12);
        Assert.AreEqual(0.5, summary.TimeRatios["b"], 1e-12);
        Assert.AreEqual(1.0, summary.TimeRatioGeometricMean!.Value, 1e-12);
    }

    [TestMethod]
    public void FlagsTheDataSetsWhereTheMlpIsBeyondTheTolerance()
    {
        var summary = new BenchmarkSummary(Fits, ["a", "b"], Families);

        Assert.AreEqual(0.0, summary.Datasets[0].MlpGap!.Value, 1e-12);
        Assert.AreEqual(0.20, summary.Datasets[1].MlpGap!.Value, 1e-12);
        CollectionAssert.AreEqual(new[] { "b" }, summary.MlpBehind.Select(d => d.Dataset).ToArray());
    }

    [TestMethod]
    public void WithoutLightGbmThereIsNoHeadToHead()
    {
        var summary = new BenchmarkSummary([.. Fits.Where(fit => fit.Family != TrainerFamilies.LightGbm)], ["a", "b"], Families);

        Assert.IsNull(summary.MlpVersusLightGbm);
        Assert.IsNull(summary.TimeRatioGeometricMean);
        CollectionAssert.AreEqual(new[] { TrainerFamilies.Mlp, TrainerFamilies.Sdca }, summary.Families.ToArray());
    }
}
