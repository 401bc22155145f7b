using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Benchmarks.Text;

/// <summary>
/// Sparse text features: the Amazon fine-food reviews (great/other) through <c>FeaturizeText</c> with its defaults,
/// then the plugin's Mlp, which reads the sparse column as CSR rows and trains its first layer on them (lazy AdamW),
/// beside SdcaLogisticRegression and LbfgsLogisticRegression. Each trainer runs in its own process, so its peak
/// memory is its own: fit seconds, wall and CPU (the featurized data cached beforehand), peak working set (of the whole
/// process, scoring the test rows included), test AUC, and the time to score and evaluate the test rows.
/// The Mlp runs with the plugin's default options unless overridden (for measuring the defaults' choices).
/// Arguments: [--data DIR] [--only mlp|sdca|lbfgs] [--train-rows N] (the first N training reviews) [--threads N] and Mlp overrides [--hidden 64,64] [--batch N]
/// [--epochs N] [--lr X] [--dropout X] [--wd X].
/// </summary>
public static class TextComparison
{
    private static readonly string[] Trainers = ["mlp", "sdca", "lbfgs"];

    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        string directory = HarnessArguments.Text(args, "--data") ?? FindData();
        if (HarnessArguments.Text(args, "--only") is not string only)
        {
            Console.WriteLine($"Text: {directory}, FeaturizeText defaults; each trainer in its own process");
            foreach (string trainer in Trainers)
            {
                RunChild(args, trainer);
            }

            return;
        }

        var ml = new MLContext(seed: 1);
        var clock = Stopwatch.StartNew();
        var (train, test) = Featurize(ml, directory, HarnessArguments.Integer(args, "--train-rows", int.MaxValue));
        double featurizeSeconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        long baseline = process.WorkingSet64;
        var cpuBefore = process.TotalProcessorTime;
        clock.Restart();
        IDataView scored = only switch
        {
            "mlp" => FitMlp(ml, train, test, MlpOverrides(args)),
            "sdca" => ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(train).Transform(test),
            "lbfgs" => ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(train).Transform(test),
            _ => throw new ArgumentException($"--only must be one of {string.Join(", ", Trainers)}, not '{only}'."),
        };
        double fitSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        clock.Restart();
        double auc = ml.BinaryClassification.Evaluate(scored).AreaUnderRocCurve;
        double scoreSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"  {only,-6} fit {fitSeconds,7:F2} s ({cpuSeconds,6:F2} s CPU)   peak working set {process.PeakWorkingSet64 / 1e6,6:F0} MB (after featurizing: {baseline / 1e6:F0} MB)   " +
            $"test AUC {auc:F4}   (featurize {featurizeSeconds:F1} s, score and evaluate the test rows {scoreSeconds:F2} s)");
    }

    private static string FindData()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (string candidate in new[] { Path.Combine(directory.FullName, "shared", "datasets", "text"), Path.Combine(directory.FullName, "datasets", "text") })
            {
                if (File.Exists(Path.Combine(candidate, "fine_foods_train.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("fine_foods_train.csv not found in a shared/datasets/text folder above the current directory; pass --data DIR.");
    }

    private static void RunChild(string[] args, string trainer) => ChildProcess.Run(["text", .. args, "--only", trainer]);

    private static (IDataView Train, IDataView Test) Featurize(MLContext ml, string directory, int trainRows)
    {
        var loader = ml.Data.CreateTextLoader(
            [new TextLoader.Column("review", DataKind.String, 0), new TextLoader.Column("score", DataKind.String, 1)],
            separatorChar: ',', hasHeader: true, allowQuoting: true);
        var pipeline = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["great"] = true, ["other"] = false }, "score")
            .Append(ml.Transforms.Text.FeaturizeText("Features", "review"));
        var trainRaw = ml.Data.TakeRows(loader.Load(Path.Combine(directory, "fine_foods_train.csv")), trainRows);
        var featurizer = pipeline.Fit(trainRaw);
        var train = ml.Data.Cache(featurizer.Transform(trainRaw), "Features", "Label");
        var test = ml.Data.Cache(featurizer.Transform(loader.Load(Path.Combine(directory, "fine_foods_test.csv"))), "Features", "Label");
        var rows = SparseRows.Read(train, "Features", "Label");
        SparseRows.Read(test, "Features", "Label");
        Console.WriteLine($"  {rows.Labels.Length} training rows, {rows.Features.Columns:N0} slots, {rows.Features.NonZeroCount / (double)rows.Labels.Length:F0} non-zeros per row");
        return (train, test);
    }

    /// <summary>The plugin's default options with the overrides given on the command line.</summary>
    private static MlpOptions MlpOverrides(string[] args)
    {
        var options = new MlpOptions { Seed = 1 };
        if (HarnessArguments.Text(args, "--hidden") is string hidden)
        {
            options.HiddenLayers = [.. hidden.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(units => int.Parse(units, CultureInfo.InvariantCulture))];
        }

        options.BatchSize = HarnessArguments.Text(args, "--batch") is null ? null : HarnessArguments.Integer(args, "--batch", 0);
        options.NumberOfEpochs = HarnessArguments.Text(args, "--epochs") is null ? null : HarnessArguments.Integer(args, "--epochs", 0);
        options.NumberOfThreads = HarnessArguments.Text(args, "--threads") is null ? null : HarnessArguments.Integer(args, "--threads", 0);
        options.LearningRate = HarnessArguments.Real(args, "--lr", options.LearningRate);
        options.DropoutRate = HarnessArguments.Real(args, "--dropout", options.DropoutRate);
        options.WeightDecay = HarnessArguments.Real(args, "--wd", options.WeightDecay);
        return options;
    }

    /// <summary>
    /// The plugin's Mlp: the feature column has more than 10,000 slots, so the plugin reads it as CSR rows and trains
    /// the first layer on them. Returns the test rows scored.
    /// </summary>
    private static IDataView FitMlp(MLContext ml, IDataView train, IDataView test, MlpOptions options)
    {
        var clock = Stopwatch.StartNew();
        var transformer = ml.BinaryClassification.Trainers.Mlp(options).Fit(train);
        var history = transformer.History;
        Console.WriteLine(
            $"  mlp: hidden [{string.Join(", ", transformer.Model.Architecture.HiddenLayers)}], {history.Epochs.Count} epochs ({history.StopReason}, best {history.BestEpoch}); " +
            $"epochs {string.Join(" + ", history.Epochs.Select(epoch => epoch.Seconds.ToString("F2", CultureInfo.InvariantCulture)))} s of the fit's {clock.Elapsed.TotalSeconds:F2} s");
        return transformer.Transform(test);
    }
}
