using System.Runtime.Intrinsics;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Tensors;

[TestClass]
public sealed class GemmTests
{
    // 1 and 7 are below one row panel (8 rows with AVX-512, 6 otherwise) or one vector; 33 leaves partial panels and
    // vectors; 257 spans many.
    private static readonly int[] Sizes = [1, 7, 33, 257];

    // Depths additionally include 513: two full 256-deep blocks plus one, so the depth blocking is crossed.
    private static readonly int[] Depths = [1, 7, 33, 257, 513];

    private static readonly int[] VectorWidths = Vector512.IsHardwareAccelerated ? [512, 256, 128] : [256, 128];

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(false, true)]
    [DataRow(true, true)]
    public void Multiply_EveryWidthSizeAndAccumulateMode_MatchesDoublePrecisionReference(bool transposeA, bool transposeB)
    {
        var gemms = VectorWidths.Select(bits => new Gemm(null, bits)).ToArray();
        int seed = 0;
        foreach (int m in Sizes)
        {
            foreach (int n in Sizes)
            {
                foreach (int k in Depths)
                {
                    float[] a = RandomValues.Uniform(m * k, ++seed), b = RandomValues.Uniform(k * n, ++seed), c0 = RandomValues.Uniform(m * n, ++seed);
                    var (product, magnitude) = NaiveGemm.Multiply(a, transposeA, b, transposeB, m, n, k);
                    foreach (var gemm in gemms)
                    {
                        foreach (bool accumulate in new[] { false, true })
                        {
                            float[] c = (float[])c0.Clone();
                            gemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate);
                            NaiveGemm.AssertWithinRoundingBound(product, magnitude, accumulate ? c0 : null, c, k, $"{gemm.VectorBits}-bit, m={m} n={n} k={k}, accumulate={accumulate}");
                        }
                    }
                }
            }
        }
    }

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(false, true)]
    [DataRow(true, true)]
    public void Multiply_TwoThreads_BitIdenticalToOneThread(bool transposeA, bool transposeB)
    {
        using var pool = new WorkerPool(2);

        // Every shape is split whatever its size (threshold 0). The first has more row panels than column panels, so the
        // threads split rows; the second has two row panels, so they split columns (and pack B panel by panel); the
        // third has fewer columns than a tile at every width, so its transpose is computed, split over the threads.
        foreach (var (m, n, k) in new[] { (257, 33, 300), (7, 257, 600), (300, 5, 300) })
        {
            float[] a = RandomValues.Uniform(m * k, 1), b = RandomValues.Uniform(k * n, 2), c0 = RandomValues.Uniform(m * n, 3);
            foreach (int bits in VectorWidths)
            {
                foreach (bool accumulate in new[] { false, true })
                {
                    float[] single = (float[])c0.Clone(), parallel = (float[])c0.Clone();
                    new Gemm(null, bits).Multiply(a, transposeA, b, transposeB, single, m, n, k, accumulate);
                    new Gemm(pool, bits, parallelThreshold: 0).Multiply(a, transposeA, b, transposeB, parallel, m, n, k, accumulate);
                    CollectionAssert.AreEqual(single, parallel, $"{bits}-bit, m={m} n={n} k={k}, accumulate={accumulate}");
                }
            }
        }
    }

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(false, true)]
    [DataRow(true, true)]
    public void Multiply_EveryVectorWidth_BitIdentical(bool transposeA, bool transposeB)
    {
        // The tiles differ with the width (8 × 32 with AVX-512, 6 × 16 with AVX2, 6 × 8 with 128-bit vectors), but every
        // element of C is the same chain of multiply-adds, so a model trains to the same bits on any of these machines.
        // 32 rows are whole 8-row panels and leave a 6-row edge; 33 and 257 leave edges at every width; 48 and 40 columns
        // end in a panel of one whole vector (written straight to C) or of part of one, at some width; 130 × 5 goes
        // through the transpose; 3 rows through the few-rows kernel.
        foreach (var (m, n, k) in new[] { (32, 40, 300), (64, 48, 40), (33, 257, 513), (257, 33, 257), (8, 64, 7), (130, 5, 300), (3, 70, 40) })
        {
            float[] a = RandomValues.Uniform(m * k, m), b = RandomValues.Uniform(k * n, n), c0 = RandomValues.Uniform(m * n, k);
            foreach (bool accumulate in new[] { false, true })
            {
                float[] widest = [];
                foreach (int bits in VectorWidths)
                {
                    float[] c = (float[])c0.Clone();
                    new Gemm(null, bits).Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate);
                    if (widest.Length == 0)
                    {
                        widest = c;
                        continue;
                    }

                    CollectionAssert.AreEqual(widest, c, $"{bits}-bit against {VectorWidths[0]}-bit, m={m} n={n} k={k}, accumulate={accumulate}");
                }
            }
        }
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Multiply_FewRows_BitIdenticalToTheSameRowsOfALargerProduct(bool transposeB)
    {
        // Small products take other paths: m ≤ 4 without transposes multiplies row by row without packing (single-row
        // inference), and one block of rows (m ≤ 128, or 132 with 6-row panels) packs each panel of B just before its
        // tiles, or reads a whole panel of an untransposed B in place (n = 257: eight whole panels and a partial one). All
        // must give exactly the values of a product of 140 rows, which packs all of B first, so a model predicts a row
        // identically alone or in a batch of any size.
        const int manyRows = 140, n = 257, k = 513;
        float[] a = RandomValues.Uniform(manyRows * k, 4), b = RandomValues.Uniform(k * n, 5), c0 = RandomValues.Uniform(manyRows * n, 6);
        foreach (int bits in VectorWidths)
        {
            var gemm = new Gemm(null, bits);
            foreach (bool accumulate in new[] { false, true })
            {
                float[] all = (float[])c0.Clone();
                gemm.Multiply(a, false, b, transposeB, all, manyRows, n, k, accumulate);
                foreach (int m in new[] { 1, 2, 3, 4, 5, 6, 17, 33, 64, 65, 120, 128, 132 })
                {
                    float[] few = c0[..(m * n)];
                    gemm.Multiply(a, false, b, transposeB, few, m, n, k, accumulate);
                    CollectionAssert.AreEqual(all[..(m * n)], few, $"{bits}-bit, m={m}, transposeB={transposeB}, accumulate={accumulate}");
                }
            }
        }
    }

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(false, true)]
    [DataRow(true, true)]
    public void Multiply_FewColumns_BitIdenticalToTheSameColumnsOfAWiderProduct(bool transposeA, bool transposeB)
    {
        // Fewer columns than rows and than the packed tile (8, 16 or 32) are computed as the transposed product; 33 go
        // straight to the packed kernel at every width. Each element of C is the same chain of multiply-adds either way,
        // so the narrow product equals the first columns of the wide one (k = 300: two depth blocks; m = 1: one row).
        const int wide = 33;
        foreach (int m in new[] { 1, 5, 33, 130 })
        {
            foreach (int k in new[] { 7, 300 })
            {
                float[] a = RandomValues.Uniform(m * k, m + k);
                float[] bWide = RandomValues.Uniform(k * wide, (m * k) + 1);
                foreach (int n in new[] { 1, 2, 3, 4, 10, 17 })
                {
                    // op(B) is k × n: the first n columns of op(B wide), stored k × n, or n × k when transposed.
                    float[] b = new float[k * n];
                    for (int p = 0; p < k; p++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            float value = transposeB ? bWide[(j * k) + p] : bWide[(p * wide) + j];
                            b[transposeB ? (j * k) + p : (p * n) + j] = value;
                        }
                    }

                    foreach (int bits in VectorWidths)
                    {
                        foreach (bool accumulate in new[] { false, true })
                        {
                            float[] cWide = RandomValues.Uniform(m * wide, 7), cNarrow = new float[m * n];
                            for (int i = 0; i < m; i++)
                            {
                                Array.Copy(cWide, i * wide, cNarrow, i * n, n);
                            }

                            var gemm = new Gemm(null, bits);
                            gemm.Multiply(a, transposeA, bWide, transposeB, cWide, m, wide, k, accumulate);
                            gemm.Multiply(a, transposeA, b, transposeB, cNarrow, m, n, k, accumulate);
                            for (int i = 0; i < m; i++)
                            {
                                CollectionAssert.AreEqual(cWide[(i * wide)..((i * wide) + n)], cNarrow[(i * n)..((i + 1) * n)], $"{bits}-bit, m={m} n={n} k={k}, row {i}, accumulate={accumulate}");
                            }
                        }
                    }
                }
            }
        }
    }

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(false, true)]
    public void Multiply_Epilogue_GetsEveryElementOnceWithItsFinalValue(bool transposeA, bool transposeB)
    {
        // Every path: few rows without packing (m ≤ 4), B packed per panel (m ≤ 128), B packed first (m > 132), several
        // depth blocks (k = 513), few columns through the transposed product, the reference and zero depth; one thread and
        // two with every product split.
        using var pool = new WorkerPool(2);
        var gemms = VectorWidths.Select(bits => new Gemm(null, bits))
            .Append(new Gemm(pool, SimdWidths.WidestAccelerated, parallelThreshold: 0))
            .Append(Gemm.CreateReference());
        foreach (var (m, n, k) in new[] { (3, 37, 9), (33, 65, 17), (257, 33, 513), (7, 257, 0), (140, 300, 40), (130, 5, 300) })
        {
            float[] a = RandomValues.Uniform(m * k, 7), b = RandomValues.Uniform(k * n, 8);
            foreach (var gemm in gemms)
            {
                float[] c = new float[m * n];
                var epilogue = new RecordingEpilogue(c, n);
                gemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate: false, epilogue);

                string where = $"{(gemm.IsReference ? "reference" : $"{gemm.VectorBits}-bit")}, m={m} n={n} k={k}";
                Assert.IsTrue(epilogue.Seen.All(count => count == 1), $"{where}: every element in exactly one region");
                if (!gemm.IsReference)
                {
                    CollectionAssert.AreEqual(c, epilogue.ValueWhenDone, $"{where}: each region final when handed over");
                }
            }
        }
    }

    [TestMethod]
    public void Multiply_ZeroDepth_ClearsOrKeepsC()
    {
        var gemm = new Gemm();
        float[] c = [1f, 2f];
        gemm.Multiply([], false, [], false, c, 1, 2, 0, accumulate: true);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, c);

        gemm.Multiply([], false, [], false, c, 1, 2, 0, accumulate: false);
        CollectionAssert.AreEqual(new[] { 0f, 0f }, c);
    }

    [TestMethod]
    public void Multiply_ArrayTooShort_ThrowsNamingTheMatrix()
    {
        var gemm = new Gemm();
        var exception = Assert.ThrowsExactly<ArgumentException>(() => gemm.Multiply(new float[6], false, new float[5], false, new float[6], 2, 3, 3, accumulate: false));
        Assert.AreEqual("b", exception.ParamName);
        Assert.Contains("needs 9 values", exception.Message);
    }

    [TestMethod]
    public void Constructor_UnsupportedWidth_Throws()
        => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Gemm(null, 64));
}

/// <summary>Counts how often each element of C is handed over, and keeps its value at that moment.</summary>
internal sealed class RecordingEpilogue(float[] c, int n) : IGemmEpilogue
{
    public int[] Seen { get; } = new int[c.Length];

    public float[] ValueWhenDone { get; } = new float[c.Length];

    public bool IsCostly => false;

    public void RegionDone(int rowFirst, int rowEnd, int columnFirst, int columnEnd)
    {
        for (int i = rowFirst; i < rowEnd; i++)
        {
            for (int j = columnFirst; j < columnEnd; j++)
            {
                Interlocked.Increment(ref Seen[(i * n) + j]);
                ValueWhenDone[(i * n) + j] = c[(i * n) + j];
            }
        }
    }
}
