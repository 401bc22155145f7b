namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>One evaluation metric of a comparison table.</summary>
/// <param name="Name">The column header, as ML.NET names the metric (such as "MicroAccuracy").</param>
/// <param name="Format">How the console and Markdown tables show it (such as "F4"); the CSV keeps every digit.</param>
public sealed record Metric(string Name, string Format);
