using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// What <see cref="Momentum"/> and <see cref="Nesterov"/> share: the coefficient μ and one velocity per weight.
/// Each states only its update rule.
/// </summary>
public abstract class VelocityOptimizer : IOptimizer
{
    private readonly OptimizerState _state;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="momentum">The coefficient μ in [0, 1): the fraction of the velocity kept from one step to the next.</param>
    protected VelocityOptimizer(float momentum)
    {
        OptimizerArguments.RequireDecayRate(momentum, nameof(momentum));
        Coefficient = momentum;
        _state = new OptimizerState(GetType().Name, buffersPerParameter: 1);
    }

    /// <summary>The momentum coefficient μ.</summary>
    public float Coefficient { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        OptimizerArguments.RequireStepArguments(parameters, learningRate);
        Apply(parameters, _state, learningRate);
    }

    /// <summary>Runs the rule over the parameters with the velocities in <paramref name="velocities"/>.</summary>
    private protected abstract void Apply(IReadOnlyList<Parameter> parameters, OptimizerState velocities, float learningRate);
}
