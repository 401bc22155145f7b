using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Updates parameters from their gradients. Implementations keep per-parameter state
/// (velocities, moment estimates), sized on the first step and reused afterwards.
/// </summary>
public interface IOptimizer
{
    /// <summary>Applies one update to every parameter using its current <see cref="Parameter.Gradient"/>.</summary>
    /// <param name="parameters">The parameters, always passed in the same order.</param>
    /// <param name="learningRate">Learning rate for this step (the schedule has already been applied).</param>
    void Step(IReadOnlyList<Parameter> parameters, float learningRate);
}
