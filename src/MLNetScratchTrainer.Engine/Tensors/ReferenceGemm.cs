namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// The textbook matrix product, C (+)= op(A)·op(B), as three nested loops: what <see cref="Gemm"/> computes, without
/// packing, blocking, SIMD or threads. Each element's sum runs in double precision and is rounded to float once, so
/// it is also the reference the fast kernels are tested against. A network runs on it when built with
/// <see cref="Gemm.CreateReference"/> — many times slower, but every multiply-add can be followed in a debugger.
/// </summary>
public static class ReferenceGemm
{
    /// <summary>
    /// Computes C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/> is true, with the same
    /// arguments and shapes as <see cref="Gemm.Multiply"/>: op(A) is m × k, op(B) is k × n, C is m × n, all row-major.
    /// </summary>
    public static void Multiply(float[] a, bool transposeA, float[] b, bool transposeB, float[] c, int m, int n, int k, bool accumulate)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = accumulate ? c[(i * n) + j] : 0.0;
                for (int p = 0; p < k; p++)
                {
                    // op(A)[i, p]: A is stored m × k, or k × m when transposed; op(B)[p, j]: B is stored k × n, or n × k.
                    float left = transposeA ? a[(p * m) + i] : a[(i * k) + p];
                    float right = transposeB ? b[(j * k) + p] : b[(p * n) + j];
                    sum += (double)left * right;
                }

                c[(i * n) + j] = (float)sum;
            }
        }
    }
}
