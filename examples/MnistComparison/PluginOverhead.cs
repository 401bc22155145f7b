using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;

namespace MLNetScratchTrainer.Examples.MnistComparison;

/// <summary>
/// Measures what the plugin adds to a fit: the plugin's multiclass Mlp fitted from an IDataView of the training images
/// against the engine's <see cref="MlpTrainer"/> fitted on the same arrays, with identical options (<see cref="MnistMlp"/>).
/// The runs alternate, and each side's best time counts, since the machine may be shared. Both must learn exactly the same
/// network (the same loss in every epoch), so the epochs do identical work and what the plugin adds is the time it spends
/// outside them, reading the cursor into arrays: that part is set against the target.
/// </summary>
internal static class PluginOverhead
{
    /// <summary>The overhead the plugin should stay within, in percent of the engine's time.</summary>
    public const double TargetPercent = 10;

    /// <summary>Runs the measurement, prints it and writes it to overhead.md.</summary>
    /// <param name="ml">The context.</param>
    /// <param name="train">The training images as engine arrays.</param>
    /// <param name="trainView">The same images as a data view (the digit as Single class indices, no transforms).</param>
    /// <param name="epochs">Epochs of each fit.</param>
    /// <param name="repetitions">Timed fits on each side.</param>
    /// <param name="output">Where overhead.md goes.</param>
    public static void Measure(MLContext ml, Dataset train, IDataView trainView, int epochs, int repetitions, OutputFolder output)
    {
        Console.WriteLine();
        Console.WriteLine($"Plugin overhead: the plugin's Mlp fitted from the IDataView against the engine's MlpTrainer on the same {train.Count:N0} images,");
        Console.WriteLine($"identical options ({MnistMlp.Describe(epochs)}); {repetitions} fit(s) each, alternating, no progress display.");
        var table = new TextTable("run", "engine s", "engine in epochs s", "plugin s", "plugin in epochs s", "plugin outside epochs s");
        double bestEngine = double.MaxValue, bestPlugin = double.MaxValue, bestPluginOutside = double.MaxValue, bestEngineOutside = double.MaxValue;
        for (int run = 1; run <= repetitions; run++)
        {
            var clock = Stopwatch.StartNew();
            var engineModel = new MlpTrainer(MnistMlp.EngineOptions(epochs)).Fit(train);
            double engine = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var pluginModel = ml.MulticlassClassification.Trainers.Mlp(MnistMlp.Options(epochs, nameof(MnistImage.Digit))).Fit(trainView);
            double plugin = clock.Elapsed.TotalSeconds;

            var engineLosses = engineModel.History.Epochs.Select(e => e.TrainLoss).ToArray();
            var pluginLosses = pluginModel.History.Epochs.Select(e => e.TrainLoss).ToArray();
            Check.That(engineLosses.SequenceEqual(pluginLosses),
                $"The plugin and the engine learned different networks from identical options: epoch losses {string.Join(", ", pluginLosses)} against {string.Join(", ", engineLosses)}.");
            double engineEpochs = engineModel.History.Epochs.Sum(e => e.Seconds);
            double pluginEpochs = pluginModel.History.Epochs.Sum(e => e.Seconds);
            table.AddRow($"{run}", Format(engine), Format(engineEpochs), Format(plugin), Format(pluginEpochs), Format(plugin - pluginEpochs));
            bestEngine = Math.Min(bestEngine, engine);
            bestPlugin = Math.Min(bestPlugin, plugin);
            bestEngineOutside = Math.Min(bestEngineOutside, engine - engineEpochs);
            bestPluginOutside = Math.Min(bestPluginOutside, plugin - pluginEpochs);
        }

        double wallClock = (bestPlugin - bestEngine) / bestEngine * 100;
        double added = (bestPluginOutside - bestEngineOutside) / bestEngine * 100;
        string summary =
            $"Wall clock, best of {repetitions}: engine {Format(bestEngine)} s, plugin {Format(bestPlugin)} s, overhead {Percent(wallClock)}. " +
            "The epochs do identical work on both sides (the same loss in every epoch), so differences in epoch times are the machine's noise. " +
            $"What the plugin adds is its time outside the epochs, reading the data view into arrays: {Format(bestPluginOutside)} s against the engine's {Format(bestEngineOutside)} s, " +
            $"{Percent(added)} of the engine's time: {(added <= TargetPercent ? "within" : "above")} the {TargetPercent} % target.";
        table.Write();
        Console.WriteLine(summary);
        File.WriteAllText(
            output.File("overhead.md", "plugin fit from an IDataView against the engine on the same arrays: times and overhead"),
            $"# Plugin overhead on MNIST ({train.Count:N0} training images, {MnistMlp.Describe(epochs)})\n\n{table.ToMarkdown()}\n{summary}\n");
    }

    private static string Format(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Percent(double percent) => percent.ToString("F1", CultureInfo.InvariantCulture) + " %";
}
