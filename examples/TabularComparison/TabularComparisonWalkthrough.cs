using System.Text;
using Microsoft.ML;
using MLNetScratchTrainer.Examples.Comparison;

namespace MLNetScratchTrainer.Examples.TabularComparison;

/// <summary>
/// The plugin's Mlp beside ML.NET's trainers on the repository's small tabular data sets: iris and wine (multiclass),
/// breast cancer (binary) and diabetes (regression). Each file is loaded with LoadFromTextFile, split 80/20 with a fixed
/// seed, and every trainer's pipeline is fitted, evaluated with ML.NET's evaluator, saved, reloaded and checked. Writes a
/// CSV per data set and all tables in one Markdown file.
/// </summary>
internal static class TabularComparisonWalkthrough
{
    private const double TestFraction = 0.2;
    private const int SplitSeed = 1;
    private const int ReloadSampleRows = 1000;

    private static readonly TabularDataset[] Datasets =
    [
        new("iris", MlpTask.MulticlassClassification, "iris, 3 species from 4 measurements"),
        new("wine", MlpTask.MulticlassClassification, "wine, 3 cultivars from 13 chemical measurements"),
        new("breast_cancer", MlpTask.BinaryClassification, "breast cancer, benign (true) or malignant from 30 cell-nucleus measurements"),
        new("diabetes", MlpTask.Regression, "diabetes, disease progression after a year (25–346) from 10 raw measurements"),
    ];

    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        var budget = arguments.Smoke ? TabularBudget.Smoke : TabularBudget.Default;
        string folder = DatasetsFolder.Find(Datasets[0].Name + ".csv");
        Console.WriteLine($"Data sets from {folder}; each split into training and test rows by mlContext.Data.TrainTestSplit (test fraction {TestFraction}, seed {SplitSeed}).");
        var markdown = new StringBuilder("# The Mlp beside ML.NET's trainers on small tabular data sets\n");
        var tables = new List<ComparisonTable>();
        foreach (var dataset in Datasets)
        {
            var ml = new MLContext(seed: 1);
            var split = ml.Data.TrainTestSplit(dataset.Load(ml, folder), TestFraction, seed: SplitSeed);
            string title = $"{dataset.Description}: {RowCount.Of(split.TrainSet)} training rows, {RowCount.Of(split.TestSet)} test rows";
            Console.WriteLine();
            Console.WriteLine($"== {title}");
            var metrics = dataset.Task switch
            {
                MlpTask.MulticlassClassification => MetricSet.Multiclass,
                MlpTask.BinaryClassification => MetricSet.Binary,
                _ => MetricSet.Regression,
            };
            var table = new ComparisonRunner(ml, metrics, output, ReloadSampleRows)
                .Run(title, dataset.Name, TabularCandidates.Create(ml, dataset.Task, split.TrainSet, budget), split.TestSet);
            table.WriteCsv(output.File($"{dataset.Name}-results.csv", $"the {dataset.Name} table as CSV, every digit"));
            markdown.Append('\n').Append(table.ToMarkdown(headingLevel: 2));
            tables.Add(table);
        }

        Console.WriteLine();
        foreach (var table in tables)
        {
            table.Print();
            Console.WriteLine();
        }

        File.WriteAllText(output.File("results.md", "every table as Markdown, with what each trainer was given"), markdown.ToString());
        if (!arguments.Smoke)
        {
            CheckTheMlpLearned(tables);
        }
    }

    private static void CheckTheMlpLearned(IEnumerable<ComparisonTable> tables)
    {
        foreach (var table in tables)
        {
            var mlp = table.Results.Single(r => r.Trainer == TabularCandidates.MlpName);
            double best = table.Results.Max(r => r.Metrics[0]);
            Check.That(mlp.Metrics[0] >= best - 0.1, $"{table.Title}: the Mlp's {table.MetricSet.Metrics[0].Name} {mlp.Metrics[0]:F4} is far below the best trainer's {best:F4}.");
        }
    }
}
