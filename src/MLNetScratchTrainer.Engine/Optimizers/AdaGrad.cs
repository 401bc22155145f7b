using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// AdaGrad (Duchi et al., 2011): every weight gets its own learning rate, shrinking with the sum of its
/// past squared gradients, so often-updated weights slow down while rarely-updated ones keep moving.
/// Update rule: <c>h += g²; w -= lr·g / (√h + ε)</c>.
/// </summary>
/// <remarks>
/// ε (default 1e-8, as in Keras and PyTorch's Adam; Saito's book uses 1e-7) only guards against division
/// by zero while <c>h</c> is still 0. Because <c>h</c> only grows, the effective rate decays towards zero;
/// <see cref="RmsProp"/> fixes that by forgetting old gradients.
/// </remarks>
public sealed class AdaGrad : IOptimizer
{
    private readonly OptimizerState _state = new(nameof(AdaGrad), buffersPerParameter: 1);

    /// <summary>Creates the optimizer.</summary>
    /// <param name="epsilon">Small positive constant added to the denominator.</param>
    public AdaGrad(float epsilon = 1e-8f)
    {
        OptimizerArguments.RequirePositive(epsilon, nameof(epsilon));
        Epsilon = epsilon;
    }

    /// <summary>The constant ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        OptimizerArguments.RequireStepArguments(parameters, learningRate);
        _state.Bind(parameters);
        var epsilon = new Vector<float>(Epsilon);
        for (int p = 0; p < parameters.Count; p++)
        {
            float[] w = parameters[p].Value;
            float[] g = parameters[p].Gradient;
            float[] h = _state.Buffer(p, 0);
            for (int i = 0; i < w.Length; i += VectorBlocks.Width)
            {
                // h += g²; w -= lr·g / (√h + ε)
                Vector<float> gradient = VectorBlocks.Load(g, i);
                Vector<float> sumOfSquares = VectorBlocks.Load(h, i) + (gradient * gradient);
                VectorBlocks.Store(sumOfSquares, h, i);
                Vector<float> step = learningRate * gradient / (Vector.SquareRoot(sumOfSquares) + epsilon);
                VectorBlocks.Store(VectorBlocks.Load(w, i) - step, w, i);
            }
        }
    }
}
