using System.Diagnostics;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Benchmarks;

/// <summary>
/// The GEMM floor of a training step, measured whenever asked: the eight products of the 784-256-128-10 network
/// (<see cref="GemmShapes"/>) run back to back on their own threads, the best of a few rounds. Measured between the
/// epochs of a run, it gives each epoch a floor from the same window of a shared machine, whose speed drifts by up to 2×.
/// </summary>
public sealed class ProductFloor
{
    private const int Rounds = 20;

    private readonly Gemm _gemm;
    private readonly (string Name, bool TransposeA, bool TransposeB, int M, int N, int K)[] _shapes;
    private readonly (float[] A, float[] B, float[] C)[] _operands;

    /// <summary>Allocates the operands of the products at <paramref name="batch"/> rows, multiplied by <paramref name="gemm"/>.</summary>
    public ProductFloor(Gemm gemm, int batch)
    {
        _gemm = gemm;
        _shapes = GemmShapes.At(batch);
        var random = new Random(1);
        _operands = [.. _shapes.Select(s => (GemmThroughput.Fill(s.M * s.K, random), GemmThroughput.Fill(s.K * s.N, random), new float[s.M * s.N]))];
    }

    /// <summary>Seconds the eight products of one step take now: the best of a few rounds.</summary>
    public double StepSeconds()
    {
        double best = double.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            long start = Stopwatch.GetTimestamp();
            RunStep();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return best;
    }

    /// <summary>Runs the eight products once.</summary>
    public void RunStep()
    {
        for (int i = 0; i < _shapes.Length; i++)
        {
            var (_, ta, tb, m, n, k) = _shapes[i];
            _gemm.Multiply(_operands[i].A, ta, _operands[i].B, tb, _operands[i].C, m, n, k, false);
        }
    }
}
