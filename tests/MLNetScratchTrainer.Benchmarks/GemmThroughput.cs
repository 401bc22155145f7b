using System.Diagnostics;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Benchmarks;

/// <summary>Timing harness: GFLOP/s of the engine's matrix multiply on the network's shapes and on square sizes.</summary>
public static class GemmThroughput
{
    /// <summary>Prints one line per shape, then the FLOP-weighted average over the training step.</summary>
    public static void Run(int threads)
    {
        using var pool = threads > 1 ? new WorkerPool(threads) : null;
        var gemm = new Gemm(pool);
        Console.WriteLine($"GEMM throughput, {threads} thread(s), {gemm.VectorBits}-bit vectors");
        double totalFlops = 0, totalSeconds = 0;
        foreach (var (name, ta, tb, m, n, k) in GemmShapes.TrainingStep)
        {
            double seconds = Time(gemm, ta, tb, m, n, k);
            double flops = 2.0 * m * n * k;
            totalFlops += flops;
            totalSeconds += seconds;
            Console.WriteLine($"  {name,-30} {flops / seconds / 1e9,8:F1} GFLOP/s  {seconds * 1e6,8:F1} µs");
        }

        Console.WriteLine($"  {"training step (8 products)",-30} {totalFlops / totalSeconds / 1e9,8:F1} GFLOP/s  {totalSeconds * 1e6,8:F1} µs");
        foreach (int size in new[] { 512, 1024, 2048 })
        {
            double seconds = Time(gemm, false, false, size, size, size);
            Console.WriteLine($"  {$"square {size}²",-30} {2.0 * size * size * size / seconds / 1e9,8:F1} GFLOP/s");
        }
    }

    private static double Time(Gemm gemm, bool ta, bool tb, int m, int n, int k)
    {
        var random = new Random(1);
        float[] a = Fill(m * k, random), b = Fill(k * n, random), c = new float[m * n];
        double flops = 2.0 * m * n * k;
        int repeats = Math.Max(3, (int)(2e9 / flops));
        for (int i = 0; i < Math.Max(2, repeats / 10); i++)
        {
            gemm.Multiply(a, ta, b, tb, c, m, n, k, false);
        }

        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < repeats; i++)
            {
                gemm.Multiply(a, ta, b, tb, c, m, n, k, false);
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds / repeats);
        }

        return best;
    }

    private static float[] Fill(int count, Random random)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(random.NextDouble() - 0.5);
        }

        return values;
    }
}
