namespace MLNetScratchTrainer.Engine.Tests.Tensors;

/// <summary>
/// The textbook triple loop in double precision: the reference the SIMD kernels are checked against.
/// Also returns Σₚ |op(A)ᵢₚ·op(B)ₚⱼ| per element, the scale that float32 rounding error is proportional to.
/// </summary>
internal static class NaiveGemm
{
    public static (double[] Product, double[] Magnitude) Multiply(float[] a, bool transposeA, float[] b, bool transposeB, int m, int n, int k)
    {
        var product = new double[m * n];
        var magnitude = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0, absoluteSum = 0;
                for (int p = 0; p < k; p++)
                {
                    double term = (double)(transposeA ? a[(p * m) + i] : a[(i * k) + p]) * (transposeB ? b[(j * k) + p] : b[(p * n) + j]);
                    sum += term;
                    absoluteSum += Math.Abs(term);
                }

                product[(i * n) + j] = sum;
                magnitude[(i * n) + j] = absoluteSum;
            }
        }

        return (product, magnitude);
    }
}
