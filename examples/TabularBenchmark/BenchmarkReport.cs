using System.Globalization;
using System.Text;
using CsvHelper;
using MLNetScratchTrainer.Examples.Shared.Reporting;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>The benchmark's tables: the Markdown report (results.md, also printed) and the per-data-set summary as CSV (summary.csv).</summary>
internal static class BenchmarkReport
{
    /// <summary>The Markdown report: the metric table with ranks, the verdict, the fit times and what each trainer was.</summary>
    /// <param name="summary">The results.</param>
    /// <param name="files">The data sets, by name.</param>
    /// <param name="settings">What the run did.</param>
    /// <param name="machine">How busy the machine was, for reading the fit times.</param>
    public static string Markdown(BenchmarkSummary summary, IReadOnlyDictionary<string, TabularFile> files, BenchmarkSettings settings, string machine)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder("# Tabular benchmark: the Mlp beside ML.NET's trainers, each with default options\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Every data set split 80/20 by `TrainTestSplit` with seeds {string.Join(", ", settings.SplitSeeds)}; ")
            .Append("the pipeline of ML.NET's docs for every trainer: `OneHotEncoding` (text columns), `ReplaceMissingValues` (numeric columns, mean), ")
            .Append("`Concatenate(\"Features\", …)`, `NormalizeMinMax(\"Features\")`, `AppendCacheCheckpoint`, then the trainer. ")
            .Append(CultureInfo.InvariantCulture, $"Mlp: {settings.MlpDescription()}.\n\n");
        text.Append("## Main metric on the test rows (mean over the splits; rank among the trainers in parentheses)\n\n")
            .Append(MetricTable(summary, files).ToMarkdown()).Append('\n')
            .Append("best − Mlp: the best other trainer's mean minus the Mlp's (positive when the Mlp is behind); ")
            .Append(CultureInfo.InvariantCulture, $"! marks a gap beyond the tolerance ({MainMetric.TolerancesInWords}). Features: columns in the file, text columns in parentheses.\n\n");
        text.Append("## Verdict\n\n");
        foreach (string line in Verdict(summary))
        {
            text.Append("- ").Append(line).Append('\n');
        }

        text.Append("\n## Mean fit seconds (`pipeline.Fit`, featurization included)\n\n")
            .Append("Each trainer's first fit for a task is made twice and timed the second time (the first pays for loading and compiling its code). ")
            .Append(CultureInfo.InvariantCulture, $"Machine: {machine}.\n\n")
            .Append(TimeTable(summary).ToMarkdown()).Append('\n');
        text.Append("## Trainers\n\n");
        foreach (string family in summary.Families)
        {
            var names = summary.Fits.Where(fit => fit.Family == family).Select(fit => $"{fit.Trainer} ({Task(fit.Task)})").Distinct();
            text.Append(CultureInfo.InvariantCulture, $"- {family}: {string.Join(", ", names)}\n");
        }

        return text.ToString();
    }

    /// <summary>The verdict's lines: mean ranks, the Mlp against LightGbm, fit-time ratios, data sets where the Mlp is behind.</summary>
    public static IEnumerable<string> Verdict(BenchmarkSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        yield return "Mean rank (1 best): " + string.Join(", ", summary.Families.Select(family => $"{family} {summary.MeanRanks[family]:F2}"));
        if (summary.MlpVersusLightGbm is { } perDataset)
        {
            yield return $"Mlp against LightGbm, per data set (mean metric): {perDataset}; per split: {summary.MlpVersusLightGbmPerSplit}";
        }

        if (summary.TimeRatioGeometricMean is double ratio)
        {
            var largest = summary.TimeRatios.MaxBy(pair => pair.Value);
            yield return $"Fit time Mlp / LightGbm: geometric mean {ratio:F2}×, largest {largest.Value:F1}× on {largest.Key}";
        }

        var behind = summary.MlpBehind.Select(d => $"{d.Dataset} ({d.MlpGap:F4} {d.Metric.Name} below the best, tolerance {d.Metric.Tolerance:G2})").ToArray();
        if (summary.Families.Contains(TrainerFamilies.Mlp))
        {
            yield return behind.Length == 0
                ? $"The Mlp is within tolerance of the best trainer on every data set ({MainMetric.TolerancesInWords})"
                : $"The Mlp is further behind the best trainer than the tolerance on {behind.Length} of {summary.Datasets.Count} data sets: {string.Join("; ", behind)}";
        }
    }

    /// <summary>The metric table for the console.</summary>
    public static TextTable MetricTable(BenchmarkSummary summary, IReadOnlyDictionary<string, TabularFile> files)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(files);
        var table = new TextTable(["data set", "task", "rows", "features (text)", "metric", .. summary.Families, "best − Mlp"]);
        foreach (var dataset in summary.Datasets)
        {
            var file = files[dataset.Dataset];
            int text = file.FeatureKinds.Count(kind => kind == ColumnKind.Text);
            table.AddRow([
                dataset.Dataset,
                Task(dataset.Task),
                file.Rows.ToString("N0", CultureInfo.InvariantCulture),
                text == 0 ? $"{file.FeatureNames.Count}" : $"{file.FeatureNames.Count} ({text})",
                dataset.Metric.Name,
                .. summary.Families.Select(family => dataset.Of(family) is { } score ? $"{score.MeanMetric:F4} ({score.Rank:0.#})" : "–"),
                dataset.MlpGap is double gap ? $"{gap:+0.0000;-0.0000;0}{(dataset.MlpBeyondTolerance ? " !" : "")}" : "–"]);
        }

        table.AddRow(["mean rank", "", "", "", "", .. summary.Families.Select(family => $"{summary.MeanRanks[family]:F2}"), ""]);
        return table;
    }

    /// <summary>Writes one record per data set and trainer: mean and standard deviation of the metric, rank, mean fit seconds.</summary>
    public static void WriteSummaryCsv(string path, BenchmarkSummary summary)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(summary);
        using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default with { NewLine = "\n" });
        csv.WriteHeader(["dataset", "task", "metric_name", "family", "trainer", "splits", "metric_mean", "metric_std", "rank", "fit_seconds_mean"]);
        foreach (var dataset in summary.Datasets)
        {
            foreach (var score in dataset.Scores)
            {
                csv.WriteField(dataset.Dataset);
                csv.WriteField(dataset.Task.ToString());
                csv.WriteField(dataset.Metric.Name);
                csv.WriteField(score.Family);
                csv.WriteField(score.Trainer);
                csv.WriteField(score.Splits);
                csv.WriteField(score.MeanMetric);
                csv.WriteField(score.StandardDeviation);
                csv.WriteField(score.Rank);
                csv.WriteField(score.MeanFitSeconds);
                csv.EndRecord();
            }
        }
    }

    private static TextTable TimeTable(BenchmarkSummary summary)
    {
        var table = new TextTable(["data set", .. summary.Families, "Mlp / LightGbm"]);
        foreach (var dataset in summary.Datasets)
        {
            table.AddRow([
                dataset.Dataset,
                .. summary.Families.Select(family => dataset.Of(family) is { } score ? $"{score.MeanFitSeconds:F2}" : "–"),
                summary.TimeRatios.TryGetValue(dataset.Dataset, out double ratio) ? $"{ratio:F2}×" : "–"]);
        }

        return table;
    }

    private static string Task(MlpTask task) => task switch
    {
        MlpTask.MulticlassClassification => "multiclass",
        MlpTask.BinaryClassification => "binary",
        _ => "regression",
    };
}
