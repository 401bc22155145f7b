namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>The benchmark's pictures: the main metric and the rank of every trainer on every data set.</summary>
internal static class BenchmarkCharts
{
    /// <summary>Saves metrics.png and ranks.png.</summary>
    public static void Save(BenchmarkSummary summary, OutputFolder output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        string[] groups = [.. summary.Datasets.Select(d => $"{d.Dataset} ({d.Metric.Name})")];
        double[][] metrics = Values(summary, score => score.MeanMetric);
        double lowest = metrics.SelectMany(row => row).Where(value => !double.IsNaN(value)).DefaultIfEmpty(0).Min();
        double bottom = Math.Max(0, Math.Floor((lowest - 0.05) * 10) / 10);
        GroupedBarChart.Save(
            output.File("metrics.png", "the main metric per data set and trainer (mean over the splits; bars start at the axis' bottom)"),
            "Main metric on the test rows (MicroAccuracy, AUC or R²; higher is better)",
            "metric (mean over splits)",
            groups,
            summary.Families,
            metrics,
            (bottom, 1.0));
        GroupedBarChart.Save(
            output.File("ranks.png", "the rank of every trainer per data set (1 best)"),
            "Rank among the trainers per data set (1 = best; lower bars are better)",
            "rank",
            groups,
            summary.Families,
            Values(summary, score => score.Rank),
            (0, summary.Families.Count + 0.5));
    }

    private static double[][] Values(BenchmarkSummary summary, Func<TrainerScore, double> value) =>
        [.. summary.Families.Select(family => summary.Datasets.Select(d => d.Of(family) is { } score ? value(score) : double.NaN).ToArray())];
}
