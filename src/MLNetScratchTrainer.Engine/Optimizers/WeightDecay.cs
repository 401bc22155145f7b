using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Coupled (L2) weight decay: adding <c>½·λ·‖w‖²</c> to the loss adds <c>λ·w</c> to each weight's gradient.
/// The trainer calls this after the backward pass and before <see cref="IOptimizer.Step"/>; the optimizers
/// themselves never decay (except <see cref="AdamW"/>, whose decay is decoupled from the gradient).
/// </summary>
public static class WeightDecay
{
    /// <summary>
    /// Adds <c>λ·w</c> to the gradient of every parameter with <see cref="Parameter.IsWeight"/> set;
    /// biases are left untouched. Update rule: <c>g += λ·w</c>.
    /// </summary>
    /// <param name="parameters">The parameters whose gradients are adjusted in place.</param>
    /// <param name="lambda">The L2 coefficient λ, finite and not negative; 0 leaves every gradient unchanged.</param>
    public static void AddL2Gradient(IReadOnlyList<Parameter> parameters, float lambda)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        OptimizerArguments.RequireNonNegative(lambda, nameof(lambda));
        for (int p = 0; p < parameters.Count; p++)
        {
            if (!parameters[p].IsWeight)
            {
                continue;
            }

            float[] w = parameters[p].Value;
            float[] g = parameters[p].Gradient;
            for (int i = 0; i < g.Length; i += VectorBlocks.Width)
            {
                // g += λ·w
                Vector<float> updated = VectorBlocks.Load(g, i) + (lambda * VectorBlocks.Load(w, i));
                VectorBlocks.Store(updated, g, i);
            }
        }
    }
}
