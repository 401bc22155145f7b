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
        _state.Bind(parameters);
        for (int p = 0; p < parameters.Count; p++)
        {
            float[] w = parameters[p].Value;
            float[] g = parameters[p].Gradient;
            float[] v = _state.Buffer(p, 0);
            for (int i = 0; i < w.Length; i += VectorBlocks.Width)
            {
                // v = μ·v − lr·g; w += v
                Vector<float> velocity = (Coefficient * VectorBlocks.Load(v, i)) - (learningRate * VectorBlocks.Load(g, i));
                VectorBlocks.StoreState(velocity, v, i);
                VectorBlocks.Store(VectorBlocks.Load(w, i) + velocity, w, i);
            }
        }
    }
}
