using System.Diagnostics;
using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Benchmarks;

/// <summary>
/// Inference timing on the 784-256-128-10 network: one row at a time through a <see cref="Predictor"/>,
/// and 10,000 rows in one batch on 1 and on all threads. The weights come from one quick epoch on random data: speed does not depend on them.
/// </summary>
public static class InferenceLatency
{
    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        var random = new Random(1);
        int rows = 10_000;
        var features = new float[rows * 784];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = (float)random.NextDouble();
        }

        var labels = Enumerable.Range(0, rows).Select(i => (float)(i % 10)).ToArray();
        var model = new MlpTrainer(new MlpTrainerOptions { HiddenLayers = [256, 128], NumberOfEpochs = 1 }).Fit(new Dataset(features, 784, labels));
        var predictor = model.CreatePredictor();
        var output = new float[10];
        var outputs = new float[rows * 10];

        for (int warm = 0; warm < 3; warm++)
        {
            for (int i = 0; i < rows; i++)
            {
                predictor.Predict(features.AsSpan(i * 784, 784), output);
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < rows; i++)
        {
            predictor.Predict(features.AsSpan(i * 784, 784), output);
        }

        double single = clock.Elapsed.TotalSeconds / rows;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"one row: {single * 1e6:F2} µs (mean of {rows:N0} calls, {allocated} bytes allocated in total)");
        for (int threads = 1; threads <= Environment.ProcessorCount; threads++)
        {
            using var batchPredictor = model.CreatePredictor(threads);
            double batch = double.MaxValue;
            for (int round = 0; round < 6; round++)
            {
                clock.Restart();
                batchPredictor.PredictBatch(features, outputs);
                batch = Math.Min(batch, clock.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"{rows:N0} rows in one batch: {batch * 1e3:F2} ms (best of 6, {threads} thread(s))");
        }
    }
}
