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
        ElementwiseUpdate.Run(parameters, _state, new Rule(Coefficient, learningRate));
    }

    private readonly record struct Rule(float Momentum, float LearningRate) : IElementwiseRule
    {
        // v = μ·v − lr·g; w += μ·v − lr·g (the gradient is looked at where momentum is about to carry the weight)
        public (Vector<float> State, Vector<float> Weight) Update(Vector<float> gradient, Vector<float> state, Vector<float> weight)
        {
            Vector<float> step = LearningRate * gradient;
            Vector<float> velocity = (Momentum * state) - step;
            return (velocity, weight + ((Momentum * velocity) - step));
        }
    }
}
