using Microsoft.ML;
using MLNetScratchTrainer.Examples.Comparison;

namespace MLNetScratchTrainer.Examples.MnistComparison;

/// <summary>
/// MNIST through ML.NET: the images loaded with the engine's reader into an IDataView, one pipeline per trainer (the
/// plugin's Mlp, SdcaMaximumEntropy, LbfgsMaximumEntropy, FastTree one-versus-all, LightGbm), each fitted with live
/// progress, evaluated, saved, reloaded and checked; the results as a table, CSV and Markdown; then the plugin's
/// overhead over the engine. With <c>--overhead</c>, only the overhead, measured five times.
/// </summary>
internal static class MnistComparisonWalkthrough
{
    private const int ReloadSampleRows = 500;
    private const int OverheadModeRepetitions = 5;

    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        var budget = arguments.Smoke ? MnistBudget.Smoke : MnistBudget.Default;
        budget = budget with { MlpEpochs = arguments.Integer("--epochs", budget.MlpEpochs) };
        var train = MnistData.Load(arguments, MnistPart.Train, budget.TrainRows);
        var ml = new MLContext(seed: 1);
        var trainView = ml.Data.LoadFromEnumerable(new MnistRows(train));
        if (arguments.Flag("--overhead"))
        {
            PluginOverhead.Measure(ml, train, trainView, budget.MlpEpochs, arguments.Smoke ? 1 : OverheadModeRepetitions, output);
            return;
        }

        var test = MnistData.Load(arguments, MnistPart.Test, budget.TestRows);
        var testView = ml.Data.LoadFromEnumerable(new MnistRows(test));
        Console.WriteLine();
        var runner = new ComparisonRunner(ml, MetricSet.Multiclass, output, ReloadSampleRows);
        var table = runner.Run(
            $"MNIST: {train.Count:N0} training images (fewer where stated), {test.Count:N0} test images",
            "mnist",
            MnistCandidates.Create(ml, trainView, budget),
            testView);

        Console.WriteLine();
        table.Print();
        table.WriteCsv(output.File("mnist-results.csv", "the results table as CSV, every digit"));
        File.WriteAllText(output.File("mnist-results.md", "the results table as Markdown, with what each trainer was given"), table.ToMarkdown(headingLevel: 1));

        PluginOverhead.Measure(ml, train, trainView, budget.MlpEpochs, budget.OverheadRepetitions, output);

        double mlpAccuracy = table.Results.Single(r => r.Trainer == MnistCandidates.MlpName).Metrics[0];
        Check.That(mlpAccuracy > (arguments.Smoke ? 0.5 : 0.95), $"The Mlp's test accuracy {mlpAccuracy:P2} is far below what this network reaches.");
    }
}
