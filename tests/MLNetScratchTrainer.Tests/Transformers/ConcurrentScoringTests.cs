using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Tests.Data;

namespace MLNetScratchTrainer.Tests.Transformers;

/// <summary>
/// One loaded pipeline served from eight threads at once, as a web server would: each thread scores the same shared data
/// view through <c>Transform</c> and predicts rows through its own <c>PredictionEngine</c>, 100,000 predictions in all.
/// Every score must equal the single-threaded one bit for bit.
/// </summary>
[TestClass]
public sealed class ConcurrentScoringTests
{
    private const int Threads = 8;
    private const int Rows = 500;
    private const int TransformPasses = 13;
    private const int EnginePredictions = 6_000;

    [TestMethod]
    public void OneLoadedPipelineFromEightThreads_ScoresExactlyAsOneThreadDoes()
    {
        var ml = new MLContext(seed: 1);
        var rows = InMemoryRows.Keys(Rows);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trained = ml.MulticlassClassification.Trainers.Mlp(FastOptions.Create(epochs: 5)).Fit(data);
        using var directory = new TemporaryDirectory();
        ml.Model.Save(trained, data.Schema, directory.File("model.zip"));
        var model = ml.Model.Load(directory.File("model.zip"), out _);
        float[][] expected = Scores(model.Transform(data));

        using var start = new Barrier(Threads);
        var predictions = new int[Threads];
        var failures = new List<string>();
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                using var engine = ml.Model.CreatePredictionEngine<KeyLabelRow, ScoreRow>(model);
                start.SignalAndWait();
                for (int pass = 0; pass < TransformPasses; pass++)
                {
                    AssertSame(expected, Scores(model.Transform(data)), $"thread {t}, Transform pass {pass}");
                    predictions[t] += Rows;
                }

                for (int i = 0; i < EnginePredictions; i++)
                {
                    int row = ((t * 7919) + i) % Rows;
                    AssertSame([expected[row]], [engine.Predict(rows[row]).Score], $"thread {t}, PredictionEngine row {row}");
                    predictions[t]++;
                }
            }
            catch (Exception exception)
            {
                lock (failures)
                {
                    failures.Add($"thread {t}: {exception}");
                }
            }
        })).ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());

        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
        Assert.AreEqual(100_000, predictions.Sum());
    }

    private static float[][] Scores(IDataView scored) => [.. scored.GetColumn<float[]>("Score")];

    private static void AssertSame(float[][] expected, float[][] actual, string context)
    {
        Assert.HasCount(expected.Length, actual, context);
        for (int i = 0; i < expected.Length; i++)
        {
            CollectionAssert.AreEqual(expected[i], actual[i], $"{context}, row {i}");
        }
    }

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
