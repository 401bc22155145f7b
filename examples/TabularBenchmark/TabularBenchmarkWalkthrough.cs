using MLNetScratchTrainer;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using MLNetScratchTrainer.Examples.Comparison;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// Every data set × every split × every trainer: load the CSV with the columns its values call for, split 80/20, fit the
/// user's pipeline with each trainer at its defaults, measure the main metric on the test rows and the fit time; then rank
/// the trainers per data set and write the report (results.md, summary.csv, runs.csv and two pictures). The first fit of
/// each trainer for each task is made twice and timed the second time, so that no fit time includes the loading and
/// just-in-time compiling of the trainer's code.
/// </summary>
internal static class TabularBenchmarkWalkthrough
{
    private const double TestFraction = 0.2;
    private const int ContextSeed = 1;

    /// <summary>Runs the benchmark.</summary>
    /// <exception cref="FileNotFoundException">A data set asked for is in no data folder.</exception>
    /// <exception cref="CheckFailedException">A fit failed (after the report of the others is written).</exception>
    public static void Run(BenchmarkSettings settings, OutputFolder output)
    {
        var folders = settings.DataFolders ?? DataFolders.FindDefaults();
        var available = DataFolders.CsvFiles(folders);
        var names = settings.Datasets ?? [.. available.Keys];
        string? unknown = names.FirstOrDefault(name => !available.ContainsKey(name));
        if (unknown is not null)
        {
            throw new FileNotFoundException($"No data set '{unknown}' in {string.Join(", ", folders)}; there are: {string.Join(", ", available.Keys)}.");
        }

        var reused = settings.ReusePath is null
            ? []
            : RunsFile.Read(settings.ReusePath).Where(fit => !settings.Families.Contains(fit.Family) && names.Contains(fit.Dataset) && settings.SplitSeeds.Contains(fit.Split)).ToList();
        string waitPolicy = OpenMpWaitPolicy.Apply() ?? "the runtime's default";
        string loadAtStart = LoadAverage.Describe();
        Console.WriteLine($"Data folders: {string.Join(", ", folders)}; OpenMP wait policy (LightGbm's threads): {waitPolicy}; {loadAtStart}.");
        Console.WriteLine($"{names.Count} data sets × {settings.SplitSeeds.Count} splits (80/20, seeds {string.Join(", ", settings.SplitSeeds)}) × trainers {string.Join(", ", settings.Families)}; Mlp: {settings.MlpDescription()}.");
        if (settings.ReusePath is not null)
        {
            Console.WriteLine($"Reusing {reused.Count} fits of {string.Join(", ", reused.Select(fit => fit.Family).Distinct())} from {settings.ReusePath}.");
        }

        var files = new Dictionary<string, TabularFile>(StringComparer.Ordinal);
        var warmedUp = new HashSet<(string Trainer, MlpTask Task)>();
        var fits = new List<FitResult>(reused);
        var failures = new List<string>();
        string runsPath = output.File("runs.csv", "every fit: data set, split, trainer, main metric, fit seconds (--reuse reads it; rewritten after each data set)");
        foreach (string name in names)
        {
            var file = TabularFile.Read(available[name]);
            files[name] = file;
            Describe(file);
            foreach (int seed in settings.SplitSeeds)
            {
                RunSplit(settings, file, seed, warmedUp, fits, failures);
            }

            RunsFile.Write(runsPath, fits);
        }

        var summary = new BenchmarkSummary(fits, names, TrainerFamilies.All);
        string machine = $"OpenMP wait policy {waitPolicy}; {loadAtStart} at the start, {LoadAverage.Describe()} at the end";
        Report(summary, files, settings, machine, output);
        Check.That(failures.Count == 0, $"{failures.Count} fit(s) failed: {string.Join(" | ", failures)}");
    }

    private static void Describe(TabularFile file)
    {
        int text = file.FeatureKinds.Count(kind => kind == ColumnKind.Text);
        string classes = file.Task == MlpTask.Regression ? $"target from {file.MinimumTarget.ToString(CultureInfo.InvariantCulture)}" : $"{file.Classes.Count} classes";
        Console.WriteLine();
        Console.WriteLine($"== {file.Name}: {file.Rows:N0} rows, {file.FeatureNames.Count} features ({text} text), {file.Task}, {classes}; metric {MainMetric.Of(file.Task).Name}");
    }

    private static void RunSplit(BenchmarkSettings settings, TabularFile file, int seed, HashSet<(string, MlpTask)> warmedUp, List<FitResult> fits, List<string> failures)
    {
        foreach (string family in settings.Families)
        {
            ProgressDisplay.Run($"  split {seed} {family}", "batch", display => RunFamily(settings, file, seed, family, warmedUp, fits, failures, display));
        }
    }

    private static void RunFamily(BenchmarkSettings settings, TabularFile file, int seed, string family, HashSet<(string, MlpTask)> warmedUp, List<FitResult> fits, List<string> failures, ProgressDisplay display)
    {
        var (ml, trainer, reason) = Prepare(settings, file, family, display);
        if (trainer is null)
        {
            display.WriteLine($"  split {seed} {family}: not run ({reason})");
            return;
        }

        try
        {
            if (warmedUp.Add((trainer.Name, file.Task)))
            {
                WarmUp(settings, file, seed, family, display);
            }

            var split = ml.Data.TrainTestSplit(UserPipeline.Load(ml, file), TestFraction, seed: seed);
            var fit = Fit(ml, file, seed, trainer, split, display);
            fits.Add(fit);
            display.WriteLine($"  split {seed} {trainer.Name,-24} {MainMetric.Of(file.Task).Name} {fit.Metric:F4}  fit {fit.FitSeconds,7:F2} s");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            string failure = $"{file.Name} split {seed} {trainer.Name}: {e.GetType().Name}: {e.Message.Split('\n')[0]}";
            failures.Add(failure);
            display.WriteLine($"  FAILED {failure}");
        }
    }

    /// <summary>
    /// A fresh context with the same seed for every fit, so that no trainer's result depends on which trainers ran before
    /// it (each takes its seed from the context), and the family's trainer made in it.
    /// </summary>
    private static (MLContext Ml, BenchmarkTrainer? Trainer, string? Reason) Prepare(BenchmarkSettings settings, TabularFile file, string family, ProgressDisplay display)
    {
        var ml = new MLContext(seed: ContextSeed);
        var (trainer, reason) = TrainerFamilies.For(family, ml, file, () => MlpProgress.AttachEpochStatus(display, settings.CreateMlpOptions()));
        return (ml, trainer, reason);
    }

    /// <summary>
    /// The same fit in a context of its own, which pays for loading and compiling the trainer's code: its time is printed,
    /// as what a process's first fit costs, but not counted in the fit times.
    /// </summary>
    private static void WarmUp(BenchmarkSettings settings, TabularFile file, int seed, string family, ProgressDisplay display)
    {
        var (ml, trainer, _) = Prepare(settings, file, family, display);
        var split = ml.Data.TrainTestSplit(UserPipeline.Load(ml, file), TestFraction, seed: seed);
        display.ReportStatus("first fit");
        var clock = Stopwatch.StartNew();
        UserPipeline.Featurize(ml, file).Append(trainer!.Create()).Fit(split.TrainSet);
        display.WriteLine($"  split {seed} {trainer.Name,-24} first fit in this process (its code compiled): {clock.Elapsed.TotalSeconds:F2} s, not counted");
    }

    private static FitResult Fit(MLContext ml, TabularFile file, int seed, BenchmarkTrainer trainer, DataOperationsCatalog.TrainTestData split, ProgressDisplay display)
    {
        var pipeline = UserPipeline.Featurize(ml, file).Append(trainer.Create());
        var clock = Stopwatch.StartNew();
        if (trainer.Family != TrainerFamilies.Mlp)
        {
            display.ReportStatus("fitting");
        }

        var model = pipeline.Fit(split.TrainSet);

        double seconds = clock.Elapsed.TotalSeconds;
        double metric = MainMetric.Evaluate(ml, file.Task, model.Transform(split.TestSet));
        return new FitResult(file.Name, file.Task, seed, trainer.Family, trainer.Name, metric, seconds);
    }

    private static void Report(BenchmarkSummary summary, IReadOnlyDictionary<string, TabularFile> files, BenchmarkSettings settings, string machine, OutputFolder output)
    {
        Console.WriteLine();
        BenchmarkReport.MetricTable(summary, files).Write();
        foreach (string line in BenchmarkReport.Verdict(summary))
        {
            Console.WriteLine(line);
        }

        BenchmarkReport.WriteSummaryCsv(output.File("summary.csv", "per data set and trainer: mean and std of the metric, rank, mean fit seconds"), summary);
        File.WriteAllText(output.File("results.md", "the report: metric table with ranks, verdict, fit times"), BenchmarkReport.Markdown(summary, files, settings, machine));
        BenchmarkCharts.Save(summary, output);
    }
}
