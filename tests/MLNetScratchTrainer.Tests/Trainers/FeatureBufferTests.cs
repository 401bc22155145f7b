using MLNetScratchTrainer.Trainers;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>How the training reader collects feature rows: in place, in chunks when the row count is unknown, skipping uncommitted rows.</summary>
[TestClass]
public sealed class FeatureBufferTests
{
    [TestMethod]
    public void AKnownRowCountFillsOneArrayThatIsReturnedAsItIs()
    {
        var buffer = new FeatureBuffer(featureCount: 3, expectedRows: 2);

        Fill(buffer, rows: 2);
        float[] first = buffer.ToArray();

        CollectionAssert.AreEqual(new float[] { 0, 1, 2, 3, 4, 5 }, first);
        Assert.AreSame(first, buffer.ToArray(), "the exactly filled array is handed over without a copy");
    }

    [TestMethod]
    public void AnUnknownRowCountSpansChunksAndIsJoinedInOrder()
    {
        const int featureCount = 100_000; // 10 rows per chunk of 2^20 values
        var buffer = new FeatureBuffer(featureCount, expectedRows: null);

        Fill(buffer, rows: 25);
        float[] all = buffer.ToArray();

        Assert.AreEqual(25L, buffer.Rows);
        Assert.HasCount(25 * featureCount, all);
        Assert.IsTrue(all.Select((value, i) => value == i).All(same => same), "every value in its row-major place");
    }

    [TestMethod]
    public void ARowWithoutCommitIsOverwrittenByTheNext()
    {
        var buffer = new FeatureBuffer(featureCount: 2, expectedRows: 3);

        buffer.NextRow().Fill(1f);
        buffer.Commit();
        buffer.NextRow().Fill(9f);
        buffer.NextRow().Fill(2f);
        buffer.Commit();

        CollectionAssert.AreEqual(new[] { 1f, 1f, 2f, 2f }, buffer.ToArray());
    }

    [TestMethod]
    public void MoreRowsThanAnnouncedStillFit()
    {
        var buffer = new FeatureBuffer(featureCount: 2, expectedRows: 1);

        Fill(buffer, rows: 3);

        CollectionAssert.AreEqual(new float[] { 0, 1, 2, 3, 4, 5 }, buffer.ToArray());
    }

    private static void Fill(FeatureBuffer buffer, int rows)
    {
        int value = 0;
        for (int row = 0; row < rows; row++)
        {
            var span = buffer.NextRow();
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = value++;
            }

            buffer.Commit();
        }
    }
}
