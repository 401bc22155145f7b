using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Tensors;

[TestClass]
public sealed class SparseGemmTests
{
    // 0 and 1 are the degenerate sizes (k = 0: a matrix with no columns); 7 and 33 leave partial vectors; 70 crosses the four-vector blocks of 8 and 16 lanes.
    private static readonly int[] Rows = [0, 1, 7, 33];
    private static readonly int[] Depths = [0, 1, 7, 300];
    private static readonly int[] Widths = [0, 1, 7, 33, 70];

    [TestMethod]
    public void Multiply_EverySizeAndAccumulateMode_MatchesDenseReference()
    {
        int seed = 0;
        foreach (var (rows, k, n) in Shapes())
        {
            var (dense, x) = SparseInput(rows, k, ++seed);
            float[] w = RandomValues.Uniform(k * n, ++seed), c0 = RandomValues.Uniform(rows * n, ++seed);
            var (product, magnitude) = NaiveGemm.Multiply(dense, false, w, false, rows, n, k);
            foreach (bool accumulate in new[] { false, true })
            {
                float[] c = (float[])c0.Clone();
                new SparseGemm().Multiply(x, w, c, n, accumulate);
                for (int i = 0; i < c.Length; i++)
                {
                    AssertClose(product[i], magnitude[i], accumulate ? c0[i] : 0f, c[i], k, $"rows={rows} k={k} n={n} accumulate={accumulate}, element {i}");
                }
            }
        }
    }

    [TestMethod]
    public void MultiplyTransposed_EverySizeAndAccumulateMode_MatchesDenseReferenceOnTouchedRowsOnly()
    {
        int seed = 100;
        foreach (var (rows, k, n) in Shapes())
        {
            AssertTransposedMatchesReference(rows, k, n, seed += 3, density: 0.2);
        }
    }

    [TestMethod]
    [DataRow(1, 64_000, 0.0002)] // about 13 touched columns of 1,000 bitmap words: put in order by sorting
    [DataRow(20, 64_000, 0.01)] // about 12,000 touched columns: put in order through the bitmap
    [DataRow(3, 70_001, 0.05)] // a last word only partly used
    public void MultiplyTransposed_WideInput_TouchedRowsInOrderEitherWay(int rows, int k, double density)
        => AssertTransposedMatchesReference(rows, k, n: 3, seed: 200, density);

    private static void AssertTransposedMatchesReference(int rows, int k, int n, int seed, double density)
    {
        var (dense, x) = SparseInput(rows, k, seed, density);
        float[] g = RandomValues.Uniform(rows * n, seed + 1), before = RandomValues.Uniform(k * n, seed + 2);
        var (product, magnitude) = NaiveGemm.Multiply(dense, true, g, false, k, n, rows);
        int[] expectedTouched = [.. Enumerable.Range(0, k).Where(p => Enumerable.Range(0, rows).Any(r => dense[(r * k) + p] != 0f))];
        var gemm = new SparseGemm();
        foreach (bool accumulate in new[] { false, true, false }) // one multiplier throughout: its marks are cleared between calls
        {
            float[] gradient = (float[])before.Clone();
            int[] touched = gemm.MultiplyTransposed(x, g, gradient, n, accumulate).ToArray();
            var touchedSet = touched.ToHashSet();

            string context = $"rows={rows} k={k} n={n} accumulate={accumulate}";
            CollectionAssert.AreEqual(expectedTouched, touched, context);
            for (int p = 0; p < k; p++)
            {
                bool isTouched = touchedSet.Contains(p);
                for (int j = 0; j < n; j++)
                {
                    int i = (p * n) + j;
                    if (isTouched)
                    {
                        AssertClose(product[i], magnitude[i], accumulate ? before[i] : 0f, gradient[i], rows, $"{context}, row {p} column {j}");
                    }
                    else
                    {
                        Assert.AreEqual(before[i], gradient[i], $"{context}: untouched row {p} was written");
                    }
                }
            }
        }
    }

    [TestMethod]
    public void BothProducts_OneTwoOrThreeThreads_BitIdentical()
    {
        // 300 rows of 2,000 columns at 5 % density and 70 outputs: 3·10⁴ non-zeros · 70 is above the parallel threshold.
        const int rows = 300, k = 2000, n = 70;
        var (_, x) = SparseInput(rows, k, 7, density: 0.05);
        float[] w = RandomValues.Uniform(k * n, 8), g = RandomValues.Uniform(rows * n, 9);
        var (forward, gradient) = Products(null, x, w, g, n);
        foreach (int threads in new[] { 2, 3 })
        {
            using var pool = new WorkerPool(threads);
            var (parallelForward, parallelGradient) = Products(pool, x, w, g, n);
            CollectionAssert.AreEqual(forward, parallelForward, $"{threads} threads, X·W");
            CollectionAssert.AreEqual(gradient, parallelGradient, $"{threads} threads, Xᵀ·G");
        }
    }

    [TestMethod]
    public void Multiply_WeightsTooShort_ThrowsNamingTheMatrix()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new SparseGemm().Multiply(new SparseMatrix(4, 1), new float[7], new float[2], 2, false));
        Assert.AreEqual("w", exception.ParamName);
        Assert.Contains("needs 8 values", exception.Message);
    }

    private static (float[] Forward, float[] Gradient) Products(WorkerPool? pool, SparseMatrix x, float[] w, float[] g, int n)
    {
        var gemm = new SparseGemm(pool);
        float[] forward = new float[x.Rows * n], gradient = new float[x.Columns * n];
        gemm.Multiply(x, w, forward, n, accumulate: false);
        gemm.MultiplyTransposed(x, g, gradient, n, accumulate: false);
        return (forward, gradient);
    }

    private static IEnumerable<(int Rows, int K, int N)> Shapes()
        => from rows in Rows from k in Depths from n in Widths select (rows, k, n);

    /// <summary>
    /// A rows × k matrix, dense and as CSR, with about <paramref name="density"/> of its entries non-zero; row 1 (when
    /// there is one) is left empty, and so is the last column, so empty rows and untouched columns are always covered.
    /// </summary>
    private static (float[] Dense, SparseMatrix Sparse) SparseInput(int rows, int k, int seed, double density = 0.2)
    {
        var random = new Random(seed);
        float[] dense = new float[rows * k];
        for (int r = 0; r < rows; r++)
        {
            for (int p = 0; p < k - 1; p++)
            {
                if (r != 1 && random.NextDouble() < density)
                {
                    dense[(r * k) + p] = (float)((2 * random.NextDouble()) - 1);
                }
            }
        }

        return (dense, SparseMatrix.FromDense(dense, rows, k));
    }

    // A float32 sum of `terms` rounded products, added to `initial`, is within γ(terms + 2)·(Σ|terms| + |initial|) of the exact
    // value (Higham, §3.1); twice that cannot fail on a correct kernel, while one wrong or missing term is far outside it.
    private static void AssertClose(double product, double magnitude, float initial, float actual, int terms, string context)
    {
        double bound = 2 * (terms + 2) * Math.ScaleB(1.0, -24) * (magnitude + Math.Abs(initial));
        double expected = initial + product;
        if (!(Math.Abs(actual - expected) <= bound))
        {
            Assert.Fail($"{context}: {actual}, expected {expected}");
        }
    }
}
