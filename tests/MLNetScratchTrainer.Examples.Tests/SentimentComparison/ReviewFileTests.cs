using Microsoft.ML;
using MLNetScratchTrainer.Examples.SentimentComparison;

namespace MLNetScratchTrainer.Examples.Tests.SentimentComparison;

[TestClass]
public sealed class ReviewFileTests
{
    private string _path = "";

    [TestCleanup]
    public void DeleteFile() => File.Delete(_path);

    [TestMethod]
    public void Read_QuotedReviews_MapsGreatToTrueAndOtherToFalse()
    {
        // Quoted text with a comma and doubled quotes, as the data set's files hold it.
        Write("review,score\n\"Tasty, and \"\"cheap\"\".\",great\n\"Stale.\",other\n\"Fine\",great\n");

        var reviews = ReviewFile.Read(new MLContext(seed: 1), _path);

        CollectionAssert.AreEqual(new[] { "Tasty, and \"cheap\".", "Stale.", "Fine" }, reviews.Select(r => r.Text).ToArray());
        CollectionAssert.AreEqual(new[] { true, false, true }, reviews.Select(r => r.Label).ToArray());
    }

    [TestMethod]
    public void Read_WithMaxRows_StopsThere()
    {
        Write("review,score\na,great\nb,other\nc,great\n");

        var reviews = ReviewFile.Read(new MLContext(seed: 1), _path, maxRows: 2);

        CollectionAssert.AreEqual(new[] { "a", "b" }, reviews.Select(r => r.Text).ToArray());
    }

    [TestMethod]
    public void Read_UnknownScore_NamesTheRowAndTheValue()
    {
        Write("review,score\na,great\nb,five stars\n");

        var exception = Assert.ThrowsExactly<InvalidDataException>(() => ReviewFile.Read(new MLContext(seed: 1), _path));

        Assert.Contains("Review 1", exception.Message);
        Assert.Contains("'five stars'", exception.Message);
    }

    private void Write(string text)
    {
        _path = Path.Combine(Path.GetTempPath(), $"reviews-{Guid.NewGuid():N}.csv");
        File.WriteAllText(_path, text);
    }
}
