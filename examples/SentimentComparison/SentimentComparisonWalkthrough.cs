using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Examples.Comparison;

namespace MLNetScratchTrainer.Examples.SentimentComparison;

/// <summary>
/// Sentiment of Amazon fine-food reviews (great or not) as ML.NET's samples do it: <c>FeaturizeText</c> turns each
/// review into a sparse vector of word and character n-gram counts (177,833 slots on the 4,000 training reviews), and
/// each trainer fits on those vectors. The Mlp reads them as sparse rows, never densified, and scores them the same
/// way. Every pipeline is evaluated with ML.NET's evaluator, saved, reloaded and checked; the table goes to the
/// console, CSV and Markdown, the AUC and fit times to bar charts.
/// </summary>
internal static class SentimentComparisonWalkthrough
{
    /// <summary>The switch that adds LightGbm.</summary>
    public const string LightGbmOption = "--lightgbm";

    private const int SmokeTrainRows = 400;
    private const int SmokeTestRows = 200;
    private const int ReloadSampleRows = 200;
    private const int AucIndex = 1;

    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        string folder = TextDataFolder.Find();
        int? trainRows = arguments.Smoke ? SmokeTrainRows : null;
        int? testRows = arguments.Smoke ? SmokeTestRows : null;
        var ml = new MLContext(seed: 1);
        var trainReviews = ReviewFile.Read(ml, Path.Combine(folder, TextDataFolder.TrainFile), trainRows);
        var testReviews = ReviewFile.Read(ml, Path.Combine(folder, TextDataFolder.TestFile), testRows);
        var trainText = ml.Data.LoadFromEnumerable(trainReviews);
        var featurizer = ml.Transforms.Text.FeaturizeText("Features", nameof(Review.Text)).Fit(trainText);
        var train = ml.Data.Cache(featurizer.Transform(trainText));
        var test = ml.Data.Cache(featurizer.Transform(ml.Data.LoadFromEnumerable(testReviews)));
        int slots = ((VectorDataViewType)train.Schema["Features"].Type).Size;
        string title = $"Fine-food reviews, great or not: {trainReviews.Count:N0} training and {testReviews.Count:N0} test reviews, " +
            $"FeaturizeText: {slots:N0} slots, {MeanNonZeros(train):F0} non-zeros per review";
        Console.WriteLine($"Reviews from {folder}; {title}.");
        Console.WriteLine();

        bool lightGbm = !arguments.Smoke && arguments.Flag(LightGbmOption);
        var table = new ComparisonRunner(ml, MetricSet.Binary, output, ReloadSampleRows)
            .Run(title, "reviews", SentimentCandidates.Create(ml, train, lightGbm), test);
        Console.WriteLine();
        table.Print();
        table.WriteCsv(output.File("results.csv", "the table as CSV, every digit"));
        File.WriteAllText(output.File("results.md", "the table as Markdown, with what each trainer was given"), new StringBuilder("# Review sentiment from FeaturizeText\n\n").Append(table.ToMarkdown(headingLevel: 2)).ToString());
        ResultCharts.Save(table, AucIndex, $"Review sentiment: {trainReviews.Count:N0} training reviews, {slots:N0} slots", output);
        if (!arguments.Smoke)
        {
            CheckTheMlpLeads(table);
        }
    }

    /// <summary>The mean number of stored non-zero values per row of the feature column.</summary>
    private static double MeanNonZeros(IDataView data)
    {
        using var cursor = data.GetRowCursor([data.Schema["Features"]]);
        var getter = cursor.GetGetter<VBuffer<float>>(data.Schema["Features"]);
        VBuffer<float> row = default;
        long rows = 0, nonZeros = 0;
        while (cursor.MoveNext())
        {
            getter(ref row);
            rows++;
            foreach (float value in row.GetValues())
            {
                nonZeros += value != 0f ? 1 : 0;
            }
        }

        return rows == 0 ? 0 : nonZeros / (double)rows;
    }

    private static void CheckTheMlpLeads(ComparisonTable table)
    {
        double mlp = table.Results.Single(r => r.Trainer == SentimentCandidates.MlpName).Metrics[AucIndex];
        foreach (var linear in table.Results.Where(r => SentimentCandidates.LinearNames.Contains(r.Trainer)))
        {
            Check.That(mlp > linear.Metrics[AucIndex], $"The Mlp's test AUC {mlp:F4} is not above {linear.Trainer}'s {linear.Metrics[AucIndex]:F4}.");
        }
    }
}
