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
    public static (double[] Product, double[] Magnitude) Multiply(float[] a, bool transposeA, float[] b, bool transposeB, int m, int n, int k)
    {
        var product = new float[m * n];
        var magnitude = new float[m * n];
        ReferenceGemm.Multiply(a, transposeA, b, transposeB, product, m, n, k, accumulate: false);
        ReferenceGemm.Multiply([.. a.Select(MathF.Abs)], transposeA, [.. b.Select(MathF.Abs)], transposeB, magnitude, m, n, k, accumulate: false);
        return ([.. product.Select(x => (double)x)], [.. magnitude.Select(x => (double)x)]);
    }
}
