using MLNetScratchTrainer.Examples.Shared.Charts;

namespace MLNetScratchTrainer.Examples.Tests.Charts;

[TestClass]
public sealed class AxisScaleTests
{
    [TestMethod]
    public void LinearTicksAreRoundAndCoverTheData()
    {
        var scale = AxisScale.Linear(0.07, 0.93, 6);

        CollectionAssert.AreEqual(new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 }, scale.Ticks.Select(t => Math.Round(t, 10)).ToArray());
        Assert.AreEqual(0.5, scale.Fraction(0.5), 1e-12);
    }

    [TestMethod]
    public void LinearAxisOfOneValueIsWidened()
    {
        var scale = AxisScale.Linear(3, 3);

        Assert.IsLessThan(3, scale.Minimum);
        Assert.IsGreaterThan(3, scale.Maximum);
    }

    [TestMethod]
    public void LogarithmicTicksAreDecades()
    {
        var scale = AxisScale.Logarithmic(0.003, 250);

        CollectionAssert.AreEqual(new[] { 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000 }, scale.Ticks.ToArray());
        Assert.AreEqual(0.5, scale.Fraction(1), 1e-12);
    }

    [TestMethod]
    public void FewDecadesGetTicksAtTwoAndFiveToo()
    {
        var scale = AxisScale.Logarithmic(0.2, 3);

        CollectionAssert.AreEqual(new[] { 0.1, 0.2, 0.5, 1, 2, 5, 10 }, scale.Ticks.Select(t => Math.Round(t, 12)).ToArray());
    }

    [TestMethod]
    public void FloatRoundingDoesNotAddADecade()
    {
        var scale = AxisScale.Logarithmic(1e-4f, 0.1f);

        Assert.AreEqual(1e-4, scale.Minimum);
        Assert.AreEqual(0.1, scale.Maximum, 1e-15);
    }

    [TestMethod]
    public void ManyDecadesAreThinnedOut()
    {
        var scale = AxisScale.Logarithmic(1e-10, 1e20);

        Assert.IsLessThanOrEqualTo(9, scale.Ticks.Count);
        Assert.AreEqual(1e-10, scale.Minimum);
        Assert.IsGreaterThanOrEqualTo(1e20, scale.Maximum);
    }

    [TestMethod]
    public void FormatsTicksShortly()
    {
        Assert.AreEqual("0", AxisScale.FormatTick(0));
        Assert.AreEqual("0.25", AxisScale.FormatTick(0.25));
        Assert.AreEqual("2000", AxisScale.FormatTick(2000));
        Assert.AreEqual("1e-5", AxisScale.FormatTick(1e-5));
        Assert.AreEqual("2.5e7", AxisScale.FormatTick(2.5e7));
    }
}
