using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Adam (Kingma and Ba, 2015): momentum on the gradient (first moment <c>m</c>) combined with RMSProp's
/// per-weight scaling (second moment <c>v</c>), both bias-corrected because they start at zero.
/// Update rule: <c>m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; w -= lr·m̂ / (√v̂ + ε)</c>,
/// with <c>m̂ = m / (1 − β1^t)</c> and <c>v̂ = v / (1 − β2^t)</c>.
/// </summary>
/// <remarks>
/// The step count <c>t</c> starts at 1 and grows by one on every call to <see cref="Step(IReadOnlyList{Parameter}, float)"/>.
/// The bias corrections are folded into two scalars per step, as PyTorch does:
/// <c>w -= (lr / (1 − β1^t))·m / (√v / √(1 − β2^t) + ε)</c>, which equals the rule above.
/// </remarks>
public sealed class Adam : IOptimizer
{
    private readonly OptimizerState _state = new(nameof(Adam), buffersPerParameter: 2);
    private int _stepCount;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="beta1">Decay rate β1 in [0, 1) of the first-moment (mean) estimate.</param>
    /// <param name="beta2">Decay rate β2 in [0, 1) of the second-moment (uncentred variance) estimate.</param>
    /// <param name="epsilon">Small positive constant added to the denominator.</param>
    public Adam(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        OptimizerArguments.RequireDecayRate(beta1, nameof(beta1));
        OptimizerArguments.RequireDecayRate(beta2, nameof(beta2));
        OptimizerArguments.RequirePositive(epsilon, nameof(epsilon));
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>Decay rate β1 of the first-moment estimate.</summary>
    public float Beta1 { get; }

    /// <summary>Decay rate β2 of the second-moment estimate.</summary>
    public float Beta2 { get; }

    /// <summary>The constant ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate) =>
        Step(parameters, learningRate, decoupledWeightDecay: 0f);

    /// <summary>
    /// One Adam step that first shrinks every weight (<see cref="Parameter.IsWeight"/>) by the factor
    /// <c>1 − lr·λ</c>; <see cref="AdamW"/> uses it with λ = <paramref name="decoupledWeightDecay"/>.
    /// </summary>
    internal void Step(IReadOnlyList<Parameter> parameters, float learningRate, float decoupledWeightDecay)
    {
        OptimizerArguments.RequireStepArguments(parameters, learningRate);
        _state.Bind(parameters);
        _stepCount++;
        float stepSize = (float)(learningRate / (1.0 - Math.Pow(Beta1, _stepCount)));
        var secondMomentCorrection = new Vector<float>((float)Math.Sqrt(1.0 - Math.Pow(Beta2, _stepCount)));
        var epsilon = new Vector<float>(Epsilon);
        for (int p = 0; p < parameters.Count; p++)
        {
            float[] w = parameters[p].Value;
            float[] g = parameters[p].Gradient;
            float[] m = _state.Buffer(p, 0);
            float[] v = _state.Buffer(p, 1);
            float decayFactor = parameters[p].IsWeight ? 1f - (learningRate * decoupledWeightDecay) : 1f;
            for (int i = 0; i < w.Length; i += VectorBlocks.Width)
            {
                // m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; w -= lr·m̂ / (√v̂ + ε)
                Vector<float> gradient = VectorBlocks.Load(g, i);
                Vector<float> mean = (Beta1 * VectorBlocks.Load(m, i)) + ((1f - Beta1) * gradient);
                Vector<float> variance = (Beta2 * VectorBlocks.Load(v, i)) + ((1f - Beta2) * (gradient * gradient));
                VectorBlocks.Store(mean, m, i);
                VectorBlocks.Store(variance, v, i);
                Vector<float> denominator = (Vector.SquareRoot(variance) / secondMomentCorrection) + epsilon;
                Vector<float> updated = (decayFactor * VectorBlocks.Load(w, i)) - (stepSize * mean / denominator);
                VectorBlocks.Store(updated, w, i);
            }
        }
    }
}
