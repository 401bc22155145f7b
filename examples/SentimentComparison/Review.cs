namespace MLNetScratchTrainer.Examples.SentimentComparison;

/// <summary>One review as ML.NET reads it (<c>LoadFromEnumerable</c>): its text and whether it is great.</summary>
public sealed class Review
{
    /// <summary>The review's text.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>True for a five-star ("great") review.</summary>
    public bool Label { get; set; }
}
