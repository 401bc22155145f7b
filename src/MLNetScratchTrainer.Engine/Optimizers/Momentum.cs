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
public sealed class Momentum(float momentum = 0.9f) : VelocityOptimizer(momentum)
{
    private protected override void Apply(IReadOnlyList<Parameter> parameters, OptimizerState velocities, float learningRate)
        => ElementwiseUpdate.Run(parameters, velocities, new Rule(Coefficient, learningRate));

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
