using System.Globalization;
using System.Text;
using CsvHelper;
using MLNetScratchTrainer.Examples.Shared.Reporting;

namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>
/// The results of one comparison: a row per trainer (name, training rows, fit seconds, each metric, model size), for the
/// console and Markdown (rounded) and as CSV (every digit, written with CsvHelper).
/// </summary>
public sealed class ComparisonTable
{
    private readonly List<ComparisonResult> _results = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="title">What was compared, such as "MNIST (60,000 training and 10,000 test images)".</param>
    /// <param name="metrics">The metrics every row holds.</param>
    public ComparisonTable(string title, MetricSet metrics)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentNullException.ThrowIfNull(metrics);
        Title = title;
        MetricSet = metrics;
    }

    /// <summary>What was compared.</summary>
    public string Title { get; }

    /// <summary>The metrics every row holds.</summary>
    public MetricSet MetricSet { get; }

    /// <summary>The rows, in the order the trainers ran.</summary>
    public IReadOnlyList<ComparisonResult> Results => _results;

    /// <summary>Adds a trainer's row.</summary>
    /// <exception cref="ArgumentException">The row does not hold one value per metric.</exception>
    public void Add(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Metrics.Count != MetricSet.Metrics.Count)
        {
            throw new ArgumentException($"The row of {result.Trainer} holds {result.Metrics.Count} metrics; the table has {MetricSet.Metrics.Count}.", nameof(result));
        }

        _results.Add(result);
    }

    /// <summary>Writes the title and the table to the console.</summary>
    public void Print()
    {
        Console.WriteLine(Title);
        ToTextTable().Write();
    }

    /// <summary>A Markdown section: the title as a heading, the table, and what each trainer was given.</summary>
    /// <param name="headingLevel">Number of '#' of the heading.</param>
    public string ToMarkdown(int headingLevel)
    {
        var text = new StringBuilder();
        text.Append('#', headingLevel).Append(' ').Append(Title).Append("\n\n");
        text.Append(ToTextTable().ToMarkdown()).Append('\n');
        foreach (var result in _results)
        {
            text.Append("- ").Append(result.Trainer).Append(": ").Append(result.Settings).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes the rows to a CSV file: a header, then one record per trainer with full-precision numbers.</summary>
    public void WriteCsv(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default with { NewLine = "\n" });
        csv.WriteHeader([.. new[] { "trainer", "settings", "training_rows", "fit_seconds" }.Concat(MetricSet.Metrics.Select(m => m.Name)).Append("model_bytes")]);
        foreach (var result in _results)
        {
            csv.WriteField(result.Trainer);
            csv.WriteField(result.Settings);
            csv.WriteField(result.TrainingRows);
            csv.WriteField(result.FitSeconds);
            foreach (double value in result.Metrics)
            {
                csv.WriteField(value);
            }

            csv.WriteField(result.ModelBytes);
            csv.EndRecord();
        }
    }

    private TextTable ToTextTable()
    {
        var table = new TextTable([.. new[] { "trainer", "train rows", "fit s" }.Concat(MetricSet.Metrics.Select(m => m.Name)).Append("model bytes")]);
        foreach (var result in _results)
        {
            var metrics = result.Metrics.Select((value, i) => value.ToString(MetricSet.Metrics[i].Format, CultureInfo.InvariantCulture));
            table.AddRow([
                result.Trainer,
                result.TrainingRows.ToString("N0", CultureInfo.InvariantCulture),
                result.FitSeconds.ToString("F2", CultureInfo.InvariantCulture),
                .. metrics,
                result.ModelBytes.ToString("N0", CultureInfo.InvariantCulture)]);
        }

        return table;
    }
}
