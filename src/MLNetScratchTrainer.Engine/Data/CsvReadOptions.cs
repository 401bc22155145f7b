namespace MLNetScratchTrainer.Engine.Data;

/// <summary>How <see cref="CsvDatasetReader"/> reads a CSV file.</summary>
public sealed record CsvReadOptions
{
    /// <summary>The options used when none are given: a header row, comma separated, every other column a feature.</summary>
    public static CsvReadOptions Default { get; } = new();

    /// <summary>Whether the first row holds the column names. Defaults to true.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The field separator, an ASCII character. Defaults to a comma.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>
    /// The feature columns by header name, in the order they become features; null (the default) takes every column
    /// but the label, in file order. List them to leave out columns that are not numbers, such as an id or a name.
    /// </summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }
}
