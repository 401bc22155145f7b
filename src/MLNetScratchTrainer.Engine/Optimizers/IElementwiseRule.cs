using System.Numerics;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// An update rule that touches each weight on its own, with at most one state value per weight
/// (a velocity or a running sum of squared gradients). <see cref="ElementwiseUpdate"/> runs it over
/// whole vectors; implementations are small structs so the JIT inlines them into that loop.
/// </summary>
internal interface IElementwiseRule
{
    /// <summary>Returns the new state and the new weight for one vector of weights.</summary>
    (Vector<float> State, Vector<float> Weight) Update(Vector<float> gradient, Vector<float> state, Vector<float> weight);
}
