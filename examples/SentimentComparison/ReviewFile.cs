using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Examples.SentimentComparison;

/// <summary>
/// Reads a reviews file of the text data set (a header, then <c>review</c> and <c>score</c>, quoted where needed) with
/// ML.NET's text loader: <c>great</c> becomes the label true and <c>other</c> false; any other score stops the read,
/// naming the row.
/// </summary>
internal static class ReviewFile
{
    /// <summary>The score of a positive review.</summary>
    public const string Great = "great";

    /// <summary>The score of every other review.</summary>
    public const string Other = "other";

    /// <summary>Reads at most <paramref name="maxRows"/> reviews (all when null).</summary>
    /// <exception cref="InvalidDataException">A score is neither great nor other.</exception>
    public static IReadOnlyList<Review> Read(MLContext ml, string path, int? maxRows = null)
    {
        var rows = ml.Data.LoadFromTextFile<ScoredReview>(path, separatorChar: ',', hasHeader: true, allowQuoting: true);
        var reviews = new List<Review>();
        foreach (var row in ml.Data.CreateEnumerable<ScoredReview>(rows, reuseRowObject: false))
        {
            if (reviews.Count == maxRows)
            {
                break;
            }

            bool label = row.Score switch
            {
                Great => true,
                Other => false,
                _ => throw new InvalidDataException($"Review {reviews.Count} (the data row {reviews.Count + 1} after the header) of '{path}' has the score '{row.Score}'; expected '{Great}' or '{Other}'."),
            };
            reviews.Add(new Review { Text = row.Review, Label = label });
        }

        return reviews;
    }

    /// <summary>A row of the file as the loader reads it.</summary>
    private sealed class ScoredReview
    {
        [LoadColumn(0)]
        public string Review { get; set; } = string.Empty;

        [LoadColumn(1)]
        public string Score { get; set; } = string.Empty;
    }
}
