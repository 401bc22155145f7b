using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// SGD with Nesterov momentum: like <see cref="Momentum"/>, but the step "looks ahead" by applying the
/// freshly updated velocity once more, which corrects the ball before it overshoots.
/// Update rule: <c>v = μ·v − lr·g; w += μ·v − lr·g</c>.
/// </summary>
/// <remarks>
/// Sutskever et al. (2013) evaluate the gradient at the look-ahead point <c>w + μ·v</c>. This class uses the
/// equivalent reformulation of Bengio, Boulanger-Lewandowski and Pascanu (2012), in which the stored <c>w</c>
/// is the look-ahead point, so the ordinary gradient at <c>w</c> is all that is needed. It is the rule used by
/// Keras (<c>SGD(nesterov=True)</c>) and, while the learning rate is constant, by PyTorch
/// (<c>SGD(nesterov=True)</c>, which keeps the velocity without the learning rate).
/// </remarks>
public sealed class Nesterov : IOptimizer
{
    private readonly OptimizerState _state = new(nameof(Nesterov), buffersPerParameter: 1);

    /// <summary>Creates the optimizer.</summary>
    /// <param name="momentum">The coefficient μ in [0, 1): the fraction of the velocity kept from one step to the next.</param>
    public Nesterov(float momentum = 0.9f)
    {
        OptimizerArguments.RequireDecayRate(momentum, nameof(momentum));
        Coefficient = momentum;
    }

    /// <summary>The momentum coefficient μ.</summary>
    public float Coefficient { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        OptimizerArguments.RequireStepArguments(parameters, learningRate);
        _state.Bind(parameters);
        for (int p = 0; p < parameters.Count; p++)
        {
            float[] w = parameters[p].Value;
            float[] g = parameters[p].Gradient;
            float[] v = _state.Buffer(p, 0);
            for (int i = 0; i < w.Length; i += VectorBlocks.Width)
            {
                // v = μ·v − lr·g; w += μ·v − lr·g
                Vector<float> step = learningRate * VectorBlocks.Load(g, i);
                Vector<float> velocity = (Coefficient * VectorBlocks.Load(v, i)) - step;
                VectorBlocks.StoreState(velocity, v, i);
                VectorBlocks.Store(VectorBlocks.Load(w, i) + ((Coefficient * velocity) - step), w, i);
            }
        }
    }
}
