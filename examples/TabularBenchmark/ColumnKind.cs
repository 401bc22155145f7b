namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>How a CSV column is loaded and turned into features.</summary>
internal enum ColumnKind
{
    /// <summary>Every non-empty value parses as a number: loaded as Single (an empty field is NaN), then <c>ReplaceMissingValues</c>.</summary>
    Numeric,

    /// <summary>Some non-empty value is not a number: loaded as text, then <c>OneHotEncoding</c>.</summary>
    Text,
}
