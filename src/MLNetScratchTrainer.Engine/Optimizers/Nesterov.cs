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
public sealed class Nesterov(float momentum = 0.9f) : VelocityOptimizer(momentum)
{
    private protected override void Apply(IReadOnlyList<Parameter> parameters, OptimizerState velocities, float learningRate)
        => ElementwiseUpdate.Run(parameters, velocities, new Rule(Coefficient, learningRate));

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
