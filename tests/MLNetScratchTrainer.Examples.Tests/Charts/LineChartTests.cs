using MLNetScratchTrainer.Examples.Shared.Charts;

namespace MLNetScratchTrainer.Examples.Tests.Charts;

[TestClass]
public sealed class LineChartTests
{
    [TestMethod]
    public void DrawsOnePolylineAndOneLegendEntryPerSeries()
    {
        var chart = new LineChart("Loss per iteration", "iteration", "loss")
            .Add(ChartSeries.Indexed("SGD", [2.3, 1.5, 0.9, 0.7]))
            .Add(ChartSeries.Indexed("Adam", [2.3, 0.8, 0.4, 0.2]) with { Dashed = true })
            .Add(new ChartSeries("Momentum & co", [1, 2, 3], [2.0, 1.0, 0.5]));

        var svg = SvgQueries.Parse(chart.ToSvg());

        Assert.AreEqual("svg", svg.Root!.Name.LocalName);
        var polylines = SvgQueries.Elements(svg, "polyline");
        Assert.HasCount(3, polylines);
        Assert.HasCount(4, polylines[0].Attribute("points")!.Value.Split(' '));
        Assert.IsNotNull(polylines[1].Attribute("stroke-dasharray"));
        var texts = SvgQueries.Texts(svg);
        foreach (string expected in new[] { "Loss per iteration", "iteration", "loss", "SGD", "Adam", "Momentum & co" })
        {
            CollectionAssert.Contains(texts.ToList(), expected);
        }
    }

    [TestMethod]
    public void LinearAxesGetRoundTickLabels()
    {
        var chart = new LineChart("t", "epoch", "accuracy").Add(new ChartSeries("a", [1, 10], [0.07, 0.93]));

        var texts = SvgQueries.Texts(SvgQueries.Parse(chart.ToSvg()));

        foreach (string tick in new[] { "0", "0.2", "0.4", "0.6", "0.8", "1", "2", "4", "6", "8", "10" })
        {
            CollectionAssert.Contains(texts.ToList(), tick);
        }
    }

    [TestMethod]
    public void LogScaleLabelsDecadesAndSkipsPointsItCannotShow()
    {
        var chart = new LineChart("Error", "iteration", "error") { LogY = true }
            .Add(ChartSeries.Indexed("diverges", [0.09, 0.81, 7.29, double.PositiveInfinity, 590.49]))
            .Add(ChartSeries.Indexed("converges", [0.09, 0.0, 0.001, double.NaN]));

        var svg = SvgQueries.Parse(chart.ToSvg());

        var polylines = SvgQueries.Elements(svg, "polyline");
        Assert.HasCount(2, polylines);
        Assert.HasCount(4, polylines[0].Attribute("points")!.Value.Split(' '), "infinity skipped");
        Assert.HasCount(2, polylines[1].Attribute("points")!.Value.Split(' '), "zero and NaN skipped");
        var texts = SvgQueries.Texts(svg).ToList();
        CollectionAssert.Contains(texts, "error (log scale)");
        foreach (string tick in new[] { "0.001", "0.01", "0.1", "1", "10", "100", "1000" })
        {
            CollectionAssert.Contains(texts, tick);
        }
    }

    [TestMethod]
    public void LogXSkipsPointsAtOrBelowZero()
    {
        var chart = new LineChart("Step size", "h", "difference") { LogX = true, LogY = true }
            .Add(new ChartSeries("max difference", [0, 1e-4, 1e-3, 1e-2], [1, 1e-3, 1e-4, 1e-5]));

        var svg = SvgQueries.Parse(chart.ToSvg());

        Assert.HasCount(3, SvgQueries.Elements(svg, "polyline")[0].Attribute("points")!.Value.Split(' '));
        CollectionAssert.Contains(SvgQueries.Texts(svg).ToList(), "h (log scale)");
    }

    [TestMethod]
    public void SavesAWellFormedFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mlnst-chart-{Guid.NewGuid():N}.svg");
        try
        {
            new LineChart("t", "x", "y").Add(ChartSeries.Indexed("s", [1, 2])).Save(path);
            var document = System.Xml.Linq.XDocument.Load(path);
            Assert.AreEqual("svg", document.Root!.Name.LocalName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void RejectsMismatchedSeriesAndEmptyCharts()
    {
        var chart = new LineChart("t", "x", "y");
        Assert.ThrowsExactly<ArgumentException>(() => chart.Add(new ChartSeries("bad", [1, 2], [1])));
        Assert.ThrowsExactly<InvalidOperationException>(() => chart.ToSvg());
    }
}
