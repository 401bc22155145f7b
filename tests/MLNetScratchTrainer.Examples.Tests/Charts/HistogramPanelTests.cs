using MLNetScratchTrainer.Examples.Shared.Charts;

namespace MLNetScratchTrainer.Examples.Tests.Charts;

[TestClass]
public sealed class HistogramPanelTests
{
    [TestMethod]
    public void BinsValuesAndCountsThoseOutsideTheRange()
    {
        var histogram = Histogram.FromValues("h", [0f, 0.1f, 0.5f, 0.99f, 1f, -0.2f, 1.5f, float.NaN], 0, 1, 4);

        CollectionAssert.AreEqual(new[] { 2, 0, 1, 2 }, histogram.Counts.ToArray());
        Assert.AreEqual(3, histogram.Outside);
    }

    [TestMethod]
    public void DrawsEveryHistogramWithItsTitleAndOneBarPerBin()
    {
        var panel = new HistogramPanel("Activations", columns: 3) { Subtitle = "x: value, y: count" };
        for (int i = 0; i < 5; i++)
        {
            panel.Add(Histogram.FromValues($"layer {i + 1}", [0.1f, 0.2f, 0.2f * i], 0, 1, 10));
        }

        var svg = SvgQueries.Parse(panel.ToSvg());

        var texts = SvgQueries.Texts(svg).ToList();
        CollectionAssert.Contains(texts, "Activations");
        CollectionAssert.Contains(texts, "x: value, y: count");
        for (int i = 0; i < 5; i++)
        {
            CollectionAssert.Contains(texts, $"layer {i + 1}");
        }

        // One background, then per histogram ten bars and one frame.
        Assert.HasCount(1 + (5 * 11), SvgQueries.Elements(svg, "rect"));
    }

    [TestMethod]
    public void RejectsEmptyRangesAndEmptyPanels()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Histogram.FromValues("h", [1f], 1, 1, 3));
        Assert.ThrowsExactly<InvalidOperationException>(() => new HistogramPanel("p", 2).ToSvg());
    }
}
