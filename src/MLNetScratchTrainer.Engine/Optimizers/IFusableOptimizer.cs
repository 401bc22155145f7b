using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// An optimizer whose step can be taken a range of weights at a time, from any thread, so that the training loop can
/// take it inside the backward pass, block by block as the gradient is formed (see <c>Training.FusedStep</c>).
/// The weights come out exactly as from <see cref="IOptimizer.Step"/>: the rule is element-wise.
/// </summary>
internal interface IFusableOptimizer : IOptimizer
{
    /// <summary>Starts a step over <paramref name="parameters"/> (state bound, step count advanced).</summary>
    void BeginStep(IReadOnlyList<Parameter> parameters, float learningRate);

    /// <summary>Updates values [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of parameter <paramref name="parameterIndex"/>; ranges of one step are disjoint.</summary>
    void UpdateRange(int parameterIndex, int start, int length);

    /// <summary>Ends the step; every value must have been updated once.</summary>
    void EndStep();
}
