using MLNetScratchTrainer.Engine.Preprocessing;

namespace MLNetScratchTrainer.Engine.Tests.Preprocessing;

/// <summary>The quartiles found by selection equal those read from the sorted values, whatever the order and the ties.</summary>
[TestClass]
public sealed class OrderStatisticsTests
{
    [TestMethod]
    public void Quartiles_EqualThoseOfTheSortedValues()
    {
        var random = new Random(11);
        foreach (int n in new[] { 1, 2, 3, 4, 5, 8, 9, 100, 1_001, 20_000 })
        {
            var shapes = new Dictionary<string, float[]>
            {
                ["random"] = [.. Enumerable.Range(0, n).Select(_ => (float)random.NextDouble())],
                ["three values"] = [.. Enumerable.Range(0, n).Select(_ => (float)random.Next(3))],
                ["all equal"] = [.. Enumerable.Repeat(4f, n)],
                ["ascending"] = [.. Enumerable.Range(0, n).Select(i => (float)i)],
                ["descending"] = [.. Enumerable.Range(0, n).Select(i => (float)(n - i))],
                ["organ pipe"] = [.. Enumerable.Range(0, n).Select(i => (float)Math.Min(i, n - i))],
                ["mostly zero"] = [.. Enumerable.Range(0, n).Select(_ => random.Next(20) == 0 ? (float)random.NextDouble() : 0f)],
            };
            foreach (var (shape, values) in shapes)
            {
                double[] sorted = [.. values.Select(v => (double)v).Order()];
                var (lower, median, upper) = OrderStatistics.Quartiles(values.ToArray());

                string where = $"{shape}, n = {n}";
                Assert.AreEqual(SortedQuantile.Of(sorted, 0.25), lower, where);
                Assert.AreEqual(SortedQuantile.Of(sorted, 0.5), median, where);
                Assert.AreEqual(SortedQuantile.Of(sorted, 0.75), upper, where);
                Assert.AreEqual((float)sorted[0], OrderStatistics.Min(values), where);
                Assert.AreEqual((float)sorted[^1], OrderStatistics.Max(values), where);
            }
        }
    }
}
