using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Tests.Tensors;

/// <summary>
/// The engine's <see cref="ReferenceGemm"/> (the textbook triple loop, summed in double) as the reference the SIMD
/// kernels are checked against, with Σₚ |op(A)ᵢₚ·op(B)ₚⱼ| per element: the scale that float32 rounding error is
/// proportional to, computed as the same product of the absolute values. The reference's own rounding to float (half a
/// unit in the last place) fits well within the factor of two that <see cref="GemmTests"/> allows over the error bound.
/// </summary>
internal static class NaiveGemm
{
    // Float32 summation of k products, each rounded, then added to C: the error of an element is at most
    // γ(k+2)·(Σ|aᵢₚ·bₚⱼ| + |c₀|) with γ(n) ≈ n·2⁻²⁴ (Higham, "Accuracy and Stability of Numerical Algorithms", §3.1),
    // whatever the summation order. Twice that bound cannot fail on a correct kernel, yet a single wrong,
    // missing or doubled term is off by about |aᵢₚ·bₚⱼ|, hundreds of times more than the bound allows.
    private const double UnitRoundoff = 1.0 / (1 << 24);

    public static (double[] Product, double[] Magnitude) Multiply(float[] a, bool transposeA, float[] b, bool transposeB, int m, int n, int k)
    {
        var product = new float[m * n];
        var magnitude = new float[m * n];
        ReferenceGemm.Multiply(a, transposeA, b, transposeB, product, m, n, k, accumulate: false);
        ReferenceGemm.Multiply([.. a.Select(MathF.Abs)], transposeA, [.. b.Select(MathF.Abs)], transposeB, magnitude, m, n, k, accumulate: false);
        return ([.. product.Select(x => (double)x)], [.. magnitude.Select(x => (double)x)]);
    }

    /// <summary>Fails naming <paramref name="context"/> and the element when C differs from C₀ + A·B by more than twice the float32 bound.</summary>
    public static void AssertWithinRoundingBound(double[] product, double[] magnitude, float[]? c0, float[] c, int k, string context)
    {
        double gamma = 2 * (k + 2) * UnitRoundoff;
        for (int i = 0; i < product.Length; i++)
        {
            double initial = c0?[i] ?? 0;
            double expected = initial + product[i];
            if (!(Math.Abs(c[i] - expected) <= gamma * (magnitude[i] + Math.Abs(initial))))
            {
                Assert.Fail($"{context}: element {i} is {c[i]}, expected {expected}");
            }
        }
    }
}
