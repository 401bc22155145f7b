using System.Diagnostics;
using System.Globalization;
using MLNetScratchTrainer.Benchmarks.Peers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Benchmarks;

/// <summary>
/// Timing harness: GFLOP/s of the engine's matrix multiply on the network's shapes and on square sizes. With
/// <c>--peer</c>, NumPy (OpenBLAS, told to use its AVX-512 kernels) times the same shapes in the same window, between
/// two engine runs (the engine's better run counts), and each line shows the engine's share of OpenBLAS's throughput.
/// Arguments: [THREADS] [--batch N] (the network's products at that batch; 128 by default) [--peer] [--python PATH] (default /usr/bin/python3, where Debian's python3-numpy installs).
/// </summary>
public static class GemmThroughput
{
    private static readonly int[] Squares = [512, 1024, 2048];

    /// <summary>Prints one line per shape, then the FLOP-weighted average over the training step.</summary>
    public static void Run(string[] args)
    {
        int threads = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal)
            ? int.Parse(args[0], CultureInfo.InvariantCulture)
            : Environment.ProcessorCount;
        int batch = HarnessArguments.Integer(args, "--batch", 128);
        var step = GemmShapes.At(batch);
        var shapes = step.Concat(Squares.Select(s => ($"square {s}²", false, false, s, s, s))).ToArray();
        using var pool = threads > 1 ? new WorkerPool(threads) : null;
        var gemm = new Gemm(pool);
        Console.WriteLine($"GEMM throughput, {threads} thread(s), {gemm.VectorBits}-bit vectors");
        double[] engine = TimeEngine(gemm, batch, shapes);
        double[]? peer = null;
        if (args.Contains("--peer"))
        {
            peer = NumPyPeer.Time(shapes, threads, HarnessArguments.Text(args, "--python") ?? "/usr/bin/python3");
            engine = [.. engine.Zip(TimeEngine(gemm, batch, shapes), Math.Min)];
            Console.WriteLine($"  peer: NumPy {NumPyPeer.Version}, OPENBLAS_CORETYPE={NumPyPeer.CoreType}, {threads} thread(s); engine timed before and after it");
        }

        int products = step.Length;
        for (int i = 0; i < shapes.Length; i++)
        {
            Print(shapes[i].Item1, Flops(shapes[i]), engine[i], peer?[i]);
            if (i == products - 1)
            {
                double flops = shapes.Take(products).Sum(Flops);
                Print("training step (8 products)", flops, engine.Take(products).Sum(), peer?.Take(products).Sum());
                if (peer is not null)
                {
                    Console.WriteLine($"  GEMM floor of a 60,000-row epoch at batch {batch}: engine {engine.Take(products).Sum() * 60_000 / batch:F3} s, OpenBLAS {peer.Take(products).Sum() * 60_000 / batch:F3} s");
                }
            }
        }
    }

    private static double Flops((string, bool, bool, int M, int N, int K) shape) => 2.0 * shape.M * shape.N * shape.K;

    private static void Print(string name, double flops, double seconds, double? peerSeconds)
    {
        string line = $"  {name,-30} {flops / seconds / 1e9,8:F1} GFLOP/s  {seconds * 1e6,9:F1} µs";
        if (peerSeconds is double peer)
        {
            line += $"   OpenBLAS {flops / peer / 1e9,8:F1} GFLOP/s   engine/OpenBLAS {peer / seconds,6:P0}";
        }

        Console.WriteLine(line);
    }

    private static double[] TimeEngine(Gemm gemm, int batch, (string, bool TransposeA, bool TransposeB, int M, int N, int K)[] shapes)
    {
        // Half a second of the network's products first: the JIT compiles a method's optimised code only after it has
        // run for a while (tiered compilation), and a small product, timed first, would otherwise be timed unoptimised.
        var step = new ProductFloor(gemm, batch);
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 500)
        {
            step.RunStep();
        }

        return [.. shapes.Select(s => Time(gemm, s.TransposeA, s.TransposeB, s.M, s.N, s.K))];
    }

    private static double Time(Gemm gemm, bool ta, bool tb, int m, int n, int k)
    {
        var random = new Random(1);
        float[] a = Fill(m * k, random), b = Fill(k * n, random), c = new float[m * n];
        // Many short rounds, best one counts: on a machine shared with other jobs some rounds run without being preempted.
        double flops = 2.0 * m * n * k;
        int repeats = Math.Max(1, (int)(2e7 / flops));
        for (int i = 0; i < 20 * repeats; i++)
        {
            gemm.Multiply(a, ta, b, tb, c, m, n, k, false);
        }

        double best = double.MaxValue;
        for (int round = 0; round < 200; round++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < repeats; i++)
            {
                gemm.Multiply(a, ta, b, tb, c, m, n, k, false);
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds / repeats);
        }

        return best;
    }

    /// <summary>Values uniform in [−0.5, 0.5).</summary>
    internal static float[] Fill(int count, Random random)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(random.NextDouble() - 0.5);
        }

        return values;
    }
}
