using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Gradient clipping by global norm (Pascanu et al., 2013): when the gradient of all parameters together,
/// seen as one long vector, is longer than a limit, it is scaled down to that length. Its direction is kept,
/// so one exploding batch cannot throw the weights far away.
/// </summary>
public static class GradientClipping
{
    /// <summary>
    /// Computes the global L2 norm of all gradients and, when it exceeds <paramref name="maxNorm"/>,
    /// multiplies every gradient by <c>maxNorm / norm</c>. Rule: <c>if ‖g‖ &gt; c then g *= c / ‖g‖</c>.
    /// </summary>
    /// <remarks>
    /// The sum of squares is accumulated in double, one element at a time in parameter order, so the norm is the
    /// same on every machine. A non-finite norm (an overflow or NaN in some gradient) is returned as it is and the
    /// gradients are left untouched, so the caller can detect it and skip the step.
    /// </remarks>
    /// <param name="parameters">The parameters whose gradients are clipped in place; biases are included.</param>
    /// <param name="maxNorm">The largest allowed global norm, finite and greater than 0.</param>
    /// <returns>The global norm before clipping.</returns>
    public static float ClipByGlobalNorm(IReadOnlyList<Parameter> parameters, float maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        OptimizerArguments.RequirePositive(maxNorm, nameof(maxNorm));
        double sumOfSquares = 0;
        for (int p = 0; p < parameters.Count; p++)
        {
            foreach (float g in parameters[p].Gradient)
            {
                sumOfSquares += (double)g * g;
            }
        }

        double norm = Math.Sqrt(sumOfSquares);
        if (double.IsFinite(norm) && norm > maxNorm)
        {
            Scale(parameters, (float)(maxNorm / norm));
        }

        return (float)norm;
    }

    private static void Scale(IReadOnlyList<Parameter> parameters, float factor)
    {
        for (int p = 0; p < parameters.Count; p++)
        {
            float[] g = parameters[p].Gradient;
            for (int i = 0; i < g.Length; i += VectorBlocks.Width)
            {
                // g *= c / ‖g‖
                Vector<float> scaled = factor * VectorBlocks.Load(g, i);
                VectorBlocks.Store(scaled, g, i);
            }
        }
    }
}
