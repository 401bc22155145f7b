using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Runs an <see cref="IElementwiseRule"/> over every parameter: whole <see cref="Vector{T}"/> blocks straight
/// from the arrays, then the last partial block through <see cref="VectorBlocks"/>, so any length gets the same rule.
/// </summary>
internal static class ElementwiseUpdate
{
    /// <summary>Applies <paramref name="rule"/>; <paramref name="state"/> holds one buffer per parameter, or is null for a stateless rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TRule>(IReadOnlyList<Parameter> parameters, OptimizerState? state, TRule rule)
        where TRule : struct, IElementwiseRule
    {
        state?.Bind(parameters);
        for (int p = 0; p < parameters.Count; p++)
        {
            float[] w = parameters[p].Value;
            float[] g = parameters[p].Gradient;
            float[] s = state?.Buffer(p, 0) ?? [];
            int whole = w.Length - (w.Length % VectorBlocks.Width);
            var gBlocks = MemoryMarshal.Cast<float, Vector<float>>(g.AsSpan(0, whole));
            var wBlocks = MemoryMarshal.Cast<float, Vector<float>>(w.AsSpan(0, whole));
            var sBlocks = MemoryMarshal.Cast<float, Vector<float>>(s.AsSpan(0, state is null ? 0 : whole));
            for (int b = 0; b < wBlocks.Length; b++)
            {
                var (newState, newWeight) = rule.Update(gBlocks[b], state is null ? default : sBlocks[b], wBlocks[b]);
                wBlocks[b] = newWeight;
                if (state is not null)
                {
                    sBlocks[b] = VectorBlocks.FlushTiny(newState);
                }
            }

            if (whole < w.Length)
            {
                var (newState, newWeight) = rule.Update(VectorBlocks.Load(g, whole), state is null ? default : VectorBlocks.Load(s, whole), VectorBlocks.Load(w, whole));
                VectorBlocks.Store(newWeight, w, whole);
                if (state is not null)
                {
                    VectorBlocks.StoreState(newState, s, whole);
                }
            }
        }
    }
}
