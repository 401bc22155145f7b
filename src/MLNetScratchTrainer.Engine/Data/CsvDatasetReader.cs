using System.Globalization;
using CsvHelper;

namespace MLNetScratchTrainer.Engine.Data;

/// <summary>
/// Reads a CSV file of numbers into a <see cref="Dataset"/>: one column is the label, the others (or those listed in
/// <see cref="CsvReadOptions.FeatureColumns"/>) are the features. Numbers use the invariant culture (<c>.</c> as decimal
/// point, exponents allowed). Every problem is reported with the file, the 1-based line, the column and the text at fault.
/// </summary>
public static class CsvDatasetReader
{
    /// <summary>Reads a CSV file whose label column is given by header name.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="labelColumn">The header name of the label column (matched exactly).</param>
    /// <param name="options">How to read the file; null for <see cref="CsvReadOptions.Default"/>.</param>
    /// <returns>One row per data line, one label per row.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty, has no data rows, has rows of different lengths, has a field that is not a finite number, or has malformed quoting.</exception>
    /// <exception cref="ArgumentException">The label or a feature column is not in the header (the message lists its columns), appears twice, or the options ask for names without a header row.</exception>
    public static Dataset Read(string path, string labelColumn, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(labelColumn);
        options ??= CsvReadOptions.Default;
        if (!options.HasHeader)
        {
            throw new ArgumentException(
                $"The label column '{labelColumn}' is given by name, which needs a header row, but CsvReadOptions.HasHeader is false; give the label column's index instead.",
                nameof(labelColumn));
        }

        return ReadCore(path, options, (header, _) => IndexOfColumn(header, labelColumn, "label", path, nameof(labelColumn)));
    }

    /// <summary>Reads a CSV file whose label column is given by position.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="labelColumnIndex">The 0-based index of the label column.</param>
    /// <param name="options">How to read the file; null for <see cref="CsvReadOptions.Default"/>.</param>
    /// <returns>One row per data line, one label per row.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">As for <see cref="Read(string, string, CsvReadOptions?)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="labelColumnIndex"/> is negative or not less than the number of columns.</exception>
    /// <exception cref="ArgumentException">A feature column is not in the header, or feature columns are named without a header row.</exception>
    public static Dataset Read(string path, int labelColumnIndex, CsvReadOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(labelColumnIndex);
        return ReadCore(
            path,
            options ?? CsvReadOptions.Default,
            (_, columnCount) => labelColumnIndex < columnCount
                ? labelColumnIndex
                : throw new ArgumentOutOfRangeException(
                    nameof(labelColumnIndex),
                    labelColumnIndex,
                    $"The label column index {labelColumnIndex} is out of range: '{path}' has {columnCount} columns (indices 0 to {columnCount - 1})."));
    }

    /// <summary>
    /// Reads a CSV file whose last column is the label, such as the files of <c>datasets/</c>
    /// (a header row, comma separated, the target last).
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">How to read the file; null for <see cref="CsvReadOptions.Default"/>.</param>
    /// <returns>One row per data line, one label per row.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">As for <see cref="Read(string, string, CsvReadOptions?)"/>.</exception>
    /// <exception cref="ArgumentException">A feature column is not in the header, or feature columns are named without a header row.</exception>
    public static Dataset ReadLabelLast(string path, CsvReadOptions? options = null) =>
        ReadCore(path, options ?? CsvReadOptions.Default, (_, columnCount) => columnCount - 1);

    private static Dataset ReadCore(string path, CsvReadOptions options, Func<IReadOnlyList<string>, int, int> findLabel)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (options.FeatureColumns is not null && !options.HasHeader)
        {
            throw new ArgumentException(
                "CsvReadOptions.FeatureColumns names columns, which needs a header row, but CsvReadOptions.HasHeader is false.",
                nameof(options));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        }

        CsvReaderOptions readerOptions = CsvReaderOptions.Default with
        {
            HasHeader = options.HasHeader,
            Separator = options.Separator,
            FormatProvider = CultureInfo.InvariantCulture,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        try
        {
            using CsvReader reader = CsvReader.FromFile(path, readerOptions);
            return ReadRows(reader, path, options, findLabel);
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"The CSV file '{path}' is malformed at line {e.LineNumber}: {e.Message}", e);
        }
    }

    private static Dataset ReadRows(CsvReader reader, string path, CsvReadOptions options, Func<IReadOnlyList<string>, int, int> findLabel)
    {
        IReadOnlyList<string> header = options.HasHeader ? reader.Headers : [];
        if (options.HasHeader && header.Count == 0)
        {
            throw Invalid(path, "is empty; expected a header row and at least one data row.");
        }

        if (!reader.Read())
        {
            throw Invalid(path, options.HasHeader ? "has a header row but no data rows." : "is empty; expected at least one data row.");
        }

        int columnCount = options.HasHeader ? header.Count : reader.FieldCount;
        int label = findLabel(header, columnCount);
        int[] features = options.FeatureColumns is null
            ? [.. Enumerable.Range(0, columnCount).Where(column => column != label)]
            : FeatureIndices(header, options.FeatureColumns, label, path);
        if (features.Length == 0)
        {
            throw Invalid(path, "has only one column, the label; at least one feature column is needed.");
        }

        string ColumnName(int column) => options.HasHeader ? $"'{header[column]}'" : $"at index {column}";
        string fieldCountSource = options.HasHeader ? "the header has" : "the first row has";
        var featureValues = new List<float>();
        var labelValues = new List<float>();
        do
        {
            if (reader.FieldCount != columnCount)
            {
                throw Invalid(path, $"has {reader.FieldCount} fields at line {reader.LineNumber} but {fieldCountSource} {columnCount}; every row needs the same number of fields.");
            }

            labelValues.Add(ParseNumber(reader, label, ColumnName(label), path));
            foreach (int column in features)
            {
                featureValues.Add(ParseNumber(reader, column, ColumnName(column), path));
            }
        }
        while (reader.Read());

        return new Dataset([.. featureValues], features.Length, [.. labelValues]);
    }

    private static int[] FeatureIndices(IReadOnlyList<string> header, IReadOnlyList<string> names, int label, string path)
    {
        const string parameterName = "options";
        if (names.Count == 0)
        {
            throw new ArgumentException("CsvReadOptions.FeatureColumns is empty; list at least one column, or leave it null to use every column but the label.", parameterName);
        }

        string? repeated = names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1)?.Key;
        if (repeated is not null)
        {
            throw new ArgumentException($"CsvReadOptions.FeatureColumns lists the column '{repeated}' more than once.", parameterName);
        }

        int[] indices = [.. names.Select(name => IndexOfColumn(header, name, "feature", path, parameterName))];
        if (Array.IndexOf(indices, label) >= 0)
        {
            throw new ArgumentException($"CsvReadOptions.FeatureColumns lists the label column '{header[label]}'; a column cannot be both label and feature.", parameterName);
        }

        return indices;
    }

    private static int IndexOfColumn(IReadOnlyList<string> header, string name, string role, string path, string parameterName)
    {
        int[] matches = [.. Enumerable.Range(0, header.Count).Where(column => header[column] == name)];
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new ArgumentException(
                $"The {role} column '{name}' is not in '{path}'; its columns are: {string.Join(", ", header)}.", parameterName),
            _ => throw new ArgumentException(
                $"The {role} column '{name}' appears {matches.Length} times in the header of '{path}'; column names must be unique to be chosen by name.", parameterName),
        };
    }

    private static float ParseNumber(CsvReader reader, int column, string columnName, string path)
    {
        ReadOnlySpan<byte> text = reader.GetSpan(column);
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && float.IsFinite(value))
        {
            return value;
        }

        string where = $"in column {columnName} at line {reader.LineNumber} of '{path}'";
        if (text.Trim(" \t"u8).IsEmpty)
        {
            throw new InvalidDataException($"The field {where} is empty; missing values are not supported (fill them in or drop the row).");
        }

        string shown = reader.GetString(column);
        throw new InvalidDataException(float.IsFinite(value)
            ? $"Could not parse '{shown}' {where} as a number."
            : $"The value '{shown}' {where} is not a finite number (NaN, infinity or beyond the float range).");
    }

    private static InvalidDataException Invalid(string path, string problem) => new($"The CSV file '{path}' {problem}");
}
