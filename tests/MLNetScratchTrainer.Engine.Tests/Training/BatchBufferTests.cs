using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

[TestClass]
public sealed class BatchBufferTests
{
    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Gather_OverTwoThreads_TheSameBatchAsOnOne(bool preprocess)
    {
        // 250 shuffled rows of 77 features are enough to be split over the pool; 5 rows are not. The features go through
        // the preprocessing (or are copied) by both threads; labels follow their rows.
        const int rows = 300, features = 77;
        var data = new Dataset(RandomValues.Uniform(rows * features, 1, -4f, 4f), features, [.. Enumerable.Range(0, rows).Select(i => (float)(i % 7))]);
        var preprocessor = preprocess
            ? new InputPreprocessor(new float[features], [.. Enumerable.Range(0, features).Select(j => 0.1f * j)], [.. Enumerable.Range(0, features).Select(j => 1f + (0.01f * j))], 3f, [])
            : null;
        int[] order = [.. Enumerable.Range(0, rows)];
        new Rng(2).Shuffle(order);
        using var pool = new WorkerPool(2);
        var alone = new BatchBuffer(256, features, 1, preprocessor);
        var split = new BatchBuffer(256, features, 1, preprocessor, pool: pool);

        foreach (int count in new[] { 250, 5 })
        {
            alone.Gather(data, data.Labels, order.AsSpan(0, count));
            split.Gather(data, data.Labels, order.AsSpan(0, count));

            CollectionAssert.AreEqual(alone.Features.Span.ToArray(), split.Features.Span.ToArray(), $"{count} rows");
            CollectionAssert.AreEqual(alone.Labels.ToArray(), split.Labels.ToArray(), $"{count} rows' labels");
            float[] firstRow = new float[features];
            if (preprocessor is null)
            {
                data.FeatureRow(order[0]).CopyTo(firstRow);
            }
            else
            {
                preprocessor.Transform(data.FeatureRow(order[0]), firstRow);
            }

            CollectionAssert.AreEqual(firstRow, split.Features.Row(0).ToArray(), "row 0 of the batch is the first row asked for");
        }
    }
}
