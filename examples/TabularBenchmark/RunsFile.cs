using System.Globalization;
using CsvHelper;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>The CSV of every fit (runs.csv): written by each run, read back by <c>--reuse</c>.</summary>
internal static class RunsFile
{
    private static readonly string[] Header = ["dataset", "task", "split", "family", "trainer", "metric", "fit_seconds"];

    /// <summary>Writes one record per fit, numbers with every digit.</summary>
    public static void Write(string path, IEnumerable<FitResult> fits)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(fits);
        using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default with { NewLine = "\n" });
        csv.WriteHeader(Header);
        foreach (var fit in fits)
        {
            csv.WriteField(fit.Dataset);
            csv.WriteField(fit.Task.ToString());
            csv.WriteField(fit.Split);
            csv.WriteField(fit.Family);
            csv.WriteField(fit.Trainer);
            csv.WriteField(fit.Metric);
            csv.WriteField(fit.FitSeconds);
            csv.EndRecord();
        }
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A column is missing or a value does not parse; the message names the line.</exception>
    public static IReadOnlyList<FitResult> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The runs file '{path}' does not exist.", path);
        }

        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { HasHeader = true, TrackLineNumbers = true });
        string? missing = Header.FirstOrDefault(column => !reader.Headers.Contains(column));
        if (missing is not null)
        {
            throw new InvalidDataException($"'{path}' has no column '{missing}'; a runs.csv has {string.Join(",", Header)}.");
        }

        var fits = new List<FitResult>();
        while (reader.Read())
        {
            try
            {
                fits.Add(new FitResult(
                    reader.GetString("dataset"),
                    Enum.Parse<MlpTask>(reader.GetString("task")),
                    int.Parse(reader.GetString("split"), CultureInfo.InvariantCulture),
                    reader.GetString("family"),
                    reader.GetString("trainer"),
                    double.Parse(reader.GetString("metric"), CultureInfo.InvariantCulture),
                    double.Parse(reader.GetString("fit_seconds"), CultureInfo.InvariantCulture)));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                throw new InvalidDataException($"'{path}' line {reader.LineNumber}: {e.Message}", e);
            }
        }

        return fits;
    }
}
