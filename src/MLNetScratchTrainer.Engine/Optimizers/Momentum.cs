using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// SGD with (heavy-ball) momentum: a velocity accumulates past steps, like a ball rolling downhill,
/// which damps zig-zagging across narrow valleys and speeds up travel along them.
/// Update rule: <c>v = μ·v − lr·g; w += v</c>.
/// </summary>
/// <remarks>
/// The velocity already includes the learning rate (as in Saito's book and Keras). PyTorch stores the velocity
/// without it (<c>b = μ·b + g; w -= lr·b</c>); the two agree while the learning rate is constant.
/// </remarks>
public sealed class Momentum : IOptimizer
{
    private readonly OptimizerState _state = new(nameof(Momentum), buffersPerParameter: 1);

    /// <summary>Creates the optimizer.</summary>
    /// <param name="momentum">The coefficient μ in [0, 1): the fraction of the velocity kept from one step to the next.</param>
    public Momentum(float momentum = 0.9f)
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
        // v = μ·v − lr·g; w += v
        public (Vector<float> State, Vector<float> Weight) Update(Vector<float> gradient, Vector<float> state, Vector<float> weight)
        {
            Vector<float> velocity = (Momentum * state) - (LearningRate * gradient);
            return (velocity, weight + velocity);
        }
    }
}
