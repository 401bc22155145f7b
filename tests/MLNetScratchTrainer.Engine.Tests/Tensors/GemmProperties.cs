using System.Runtime.Intrinsics;
using CsCheck;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Tensors;

/// <summary>
/// Generated cases for the GEMM kernels: any shape from 0 up (empty, single row, column or depth, partial panels and
/// vectors; with two threads every product is split, whatever its size), either transpose, accumulate or overwrite, every vector width, one
/// thread or two, against the double-precision triple loop. A failure prints the shrunk case and the seed to replay it.
/// </summary>
[TestClass]
public sealed class GemmProperties
{
    private static readonly int[] VectorWidths = Vector512.IsHardwareAccelerated ? [512, 256, 128] : [256, 128];

    private static readonly Gen<GemmCase> Cases = Gen.Select(
        Gen.Int[0, 70], Gen.Int[0, 70], Gen.Int[0, 300], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Int[0, VectorWidths.Length - 1], Gen.Bool,
        (m, n, k, transposeA, transposeB, accumulate, width, twoThreads) => new GemmCase(m, n, k, transposeA, transposeB, accumulate, VectorWidths[width], twoThreads));

    [TestMethod]
    public void Multiply_AnyShapeTransposeWidthAndThreadCount_MatchesTheNaiveReference()
    {
        Cases.Sample(
            c =>
            {
                // CsCheck runs cases side by side, and a pool runs one piece of work at a time: one pool per case.
                using var pool = c.TwoThreads ? new WorkerPool(2) : null;
                int seed = (c.M * 10_007) + (c.N * 101) + c.K;
                float[] a = RandomValues.Uniform(c.M * c.K, seed), b = RandomValues.Uniform(c.K * c.N, seed + 1), c0 = RandomValues.Uniform(c.M * c.N, seed + 2);
                var (product, magnitude) = NaiveGemm.Multiply(a, c.TransposeA, b, c.TransposeB, c.M, c.N, c.K);
                float[] result = (float[])c0.Clone();
                new Gemm(pool, c.VectorBits, parallelThreshold: 0).Multiply(a, c.TransposeA, b, c.TransposeB, result, c.M, c.N, c.K, c.Accumulate);
                NaiveGemm.AssertWithinRoundingBound(product, magnitude, c.Accumulate ? c0 : null, result, c.K, c.ToString());
            },
            iter: 150);
    }
}

/// <summary>One generated GEMM: C (m×n) = op(A) (m×k) · op(B) (k×n), optionally added to C.</summary>
internal sealed record GemmCase(int M, int N, int K, bool TransposeA, bool TransposeB, bool Accumulate, int VectorBits, bool TwoThreads);
