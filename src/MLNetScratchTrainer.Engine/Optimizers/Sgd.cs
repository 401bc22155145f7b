using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Plain stochastic gradient descent: step downhill by the learning rate times the gradient.
/// Update rule: <c>w -= lr·g</c>.
/// </summary>
/// <remarks>SGD keeps no state, so it accepts any list of parameters on every step.</remarks>
public sealed class Sgd : IOptimizer
{
    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        OptimizerArguments.RequireStepArguments(parameters, learningRate);
        for (int p = 0; p < parameters.Count; p++)
        {
            float[] w = parameters[p].Value;
            float[] g = parameters[p].Gradient;
            for (int i = 0; i < w.Length; i += VectorBlocks.Width)
            {
                // w -= lr·g
                Vector<float> updated = VectorBlocks.Load(w, i) - (learningRate * VectorBlocks.Load(g, i));
                VectorBlocks.Store(updated, w, i);
            }
        }
    }
}
