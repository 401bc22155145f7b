using System.Globalization;
using CsvHelper;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// What the benchmark knows of one CSV data set before ML.NET reads it: a header row, feature columns, then the target in
/// a last column named <c>target</c>; fields may be quoted, a missing value is an empty field. Each column's kind and the
/// task come from the values (<see cref="ColumnKinds"/>), so every file is handled by the same code.
/// </summary>
internal sealed class TabularFile
{
    /// <summary>The name the target column must have.</summary>
    public const string TargetColumn = "target";

    private TabularFile(string path, IReadOnlyList<string> features, IReadOnlyList<ColumnKind> kinds, MlpTask task, IReadOnlyList<string> classes, double minimumTarget, int rows)
    {
        Path = path;
        FeatureNames = features;
        FeatureKinds = kinds;
        Task = task;
        Classes = classes;
        MinimumTarget = minimumTarget;
        Rows = rows;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The file name without ".csv", as the tables show it.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The feature columns' names, in file order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The kind of each feature column.</summary>
    public IReadOnlyList<ColumnKind> FeatureKinds { get; }

    /// <summary>What is learned from the target.</summary>
    public MlpTask Task { get; }

    /// <summary>The distinct target values in ordinal order (classification), or empty (regression).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The smallest target value (regression), or NaN (classification).</summary>
    public double MinimumTarget { get; }

    /// <summary>The data rows.</summary>
    public int Rows { get; }

    /// <summary>Reads the file once to learn its columns.</summary>
    /// <exception cref="InvalidDataException">No header ending with <c>target</c>, rows of different lengths, an empty target, or malformed quoting.</exception>
    public static TabularFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var options = CsvReaderOptions.Default with { HasHeader = true, SkipEmptyLines = true, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw };
        try
        {
            using var reader = CsvReader.FromFile(path, options);
            return ReadRows(reader, path);
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"The CSV file '{path}' is malformed at line {e.LineNumber}: {e.Message}", e);
        }
    }

    private static TabularFile ReadRows(CsvReader reader, string path)
    {
        string[] header = [.. reader.Headers];
        if (header.Length < 2 || header[^1] != TargetColumn)
        {
            throw new InvalidDataException($"'{path}' should have a header row of feature names ending with '{TargetColumn}' but has '{string.Join(",", header)}'.");
        }

        var columns = Enumerable.Range(0, header.Length).Select(_ => new List<string>()).ToArray();
        while (reader.Read())
        {
            if (reader.FieldCount != header.Length)
            {
                throw new InvalidDataException($"'{path}' has {reader.FieldCount} fields at line {reader.LineNumber}; the header has {header.Length}.");
            }

            if (reader.IsEmpty(header.Length - 1))
            {
                throw new InvalidDataException($"'{path}' has an empty {TargetColumn} at line {reader.LineNumber}; every row needs a target.");
            }

            for (int column = 0; column < header.Length; column++)
            {
                columns[column].Add(reader.GetString(column));
            }
        }

        var targets = columns[^1];
        if (targets.Count == 0)
        {
            throw new InvalidDataException($"'{path}' has a header row but no data rows.");
        }

        string[] distinct = [.. targets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var task = ColumnKinds.TaskOf(distinct, ColumnKinds.KindOf(distinct));
        bool regression = task == MlpTask.Regression;
        return new TabularFile(
            path,
            header[..^1],
            [.. columns[..^1].Select(ColumnKinds.KindOf)],
            task,
            regression ? [] : distinct,
            regression ? distinct.Min(value => double.Parse(value, CultureInfo.InvariantCulture)) : double.NaN,
            targets.Count);
    }
}
