using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// The three matrix products of a layer whose output is X·W, for W of in × out (<see cref="Dense"/> adds a bias after
/// the first, <see cref="LinearSkip"/> nothing): one per pass and direction.
/// </summary>
internal static class WeightProducts
{
    /// <summary>Forward: Y = X·W, (batch × in)·(in × out) = batch × out; <paramref name="epilogue"/> gets each finished block of Y.</summary>
    public static void Forward(Gemm gemm, Matrix input, float[] weight, Matrix output, IGemmEpilogue? epilogue = null)
        => gemm.Multiply(
            a: input.Data, transposeA: false,
            b: weight, transposeB: false,
            c: output.Data, m: input.Rows, n: output.Columns, k: input.Columns, accumulate: false, epilogue: epilogue);

    /// <summary>
    /// Weight gradient: ∂L/∂W = Xᵀ·∂L/∂Y, since ∂Y[r,j]/∂W[i,j] = X[r,i]: (in × batch)·(batch × out) = in × out;
    /// <paramref name="gradientReady"/> (the weight's <see cref="Parameter.GradientReady"/>) gets each finished block.
    /// </summary>
    public static void WeightGradient(Gemm gemm, Matrix input, Matrix outputGradient, float[] weightGradient, IGemmEpilogue? gradientReady)
        => gemm.Multiply(
            a: input.Data, transposeA: true,
            b: outputGradient.Data, transposeB: false,
            c: weightGradient, m: input.Columns, n: outputGradient.Columns, k: outputGradient.Rows, accumulate: false, epilogue: gradientReady);

    /// <summary>Input gradient: ∂L/∂X = ∂L/∂Y·Wᵀ, since ∂Y[r,j]/∂X[r,i] = W[i,j]: (batch × out)·(out × in) = batch × in.</summary>
    public static void InputGradient(Gemm gemm, Matrix outputGradient, float[] weight, Matrix inputGradient)
        => gemm.Multiply(
            a: outputGradient.Data, transposeA: false,
            b: weight, transposeB: true,
            c: inputGradient.Data, m: outputGradient.Rows, n: inputGradient.Columns, k: outputGradient.Columns, accumulate: false);
}
