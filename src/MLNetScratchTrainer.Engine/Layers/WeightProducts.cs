using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// The three matrix products of a layer whose output is X·W, for W of in × out (<see cref="Dense"/> adds a bias after
/// the first, <see cref="LinearSkip"/> nothing): one per pass and direction.
/// </summary>
internal static class WeightProducts
{
    /// <summary>Forward: Y = X·W, (batch × in)·(in × out) = batch × out.</summary>
    public static void Forward(Gemm gemm, Matrix input, float[] weight, Matrix output)
        => gemm.Multiply(
            a: input.Data, transposeA: false,
            b: weight, transposeB: false,
            c: output.Data, m: input.Rows, n: output.Columns, k: input.Columns, accumulate: false);

    /// <summary>Weight gradient: ∂L/∂W = Xᵀ·∂L/∂Y, since ∂Y[r,j]/∂W[i,j] = X[r,i]: (in × batch)·(batch × out) = in × out.</summary>
    public static void WeightGradient(Gemm gemm, Matrix input, Matrix outputGradient, float[] weightGradient)
        => gemm.Multiply(
            a: input.Data, transposeA: true,
            b: outputGradient.Data, transposeB: false,
            c: weightGradient, m: input.Columns, n: outputGradient.Columns, k: outputGradient.Rows, accumulate: false);

    /// <summary>Input gradient: ∂L/∂X = ∂L/∂Y·Wᵀ, since ∂Y[r,j]/∂X[r,i] = W[i,j]: (batch × out)·(out × in) = batch × in.</summary>
    public static void InputGradient(Gemm gemm, Matrix outputGradient, float[] weight, Matrix inputGradient)
        => gemm.Multiply(
            a: outputGradient.Data, transposeA: false,
            b: weight, transposeB: true,
            c: inputGradient.Data, m: outputGradient.Rows, n: inputGradient.Columns, k: outputGradient.Columns, accumulate: false);
}
