using BenchmarkDotNet.Attributes;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Benchmarks;

/// <summary>BenchmarkDotNet: the engine's matrix multiply on each product of the training step, 1 and 2 threads.</summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private WorkerPool? _pool;
    private Gemm _gemm = null!;
    private float[] _a = [], _b = [], _c = [];
    private (string Name, bool TransposeA, bool TransposeB, int M, int N, int K) _shape;

    /// <summary>Index into <see cref="GemmShapes.TrainingStep"/>.</summary>
    [Params(0, 1, 5, 6, 7)]
    public int Shape { get; set; }

    /// <summary>Threads of the worker pool.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Allocates operands and the pool.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _shape = GemmShapes.TrainingStep[Shape];
        _pool = Threads > 1 ? new WorkerPool(Threads) : null;
        _gemm = new Gemm(_pool);
        var random = new Random(1);
        _a = [.. Enumerable.Range(0, _shape.M * _shape.K).Select(_ => (float)random.NextDouble())];
        _b = [.. Enumerable.Range(0, _shape.K * _shape.N).Select(_ => (float)random.NextDouble())];
        _c = new float[_shape.M * _shape.N];
    }

    /// <summary>Stops the pool.</summary>
    [GlobalCleanup]
    public void Cleanup() => _pool?.Dispose();

    /// <summary>One product.</summary>
    [Benchmark]
    public void Multiply() => _gemm.Multiply(_a, _shape.TransposeA, _b, _shape.TransposeB, _c, _shape.M, _shape.N, _shape.K, false);
}
