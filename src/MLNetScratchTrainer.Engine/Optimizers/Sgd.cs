using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Plain stochastic gradient descent: step downhill by the learning rate times the gradient.
/// Update rule: <c>w -= lr·g</c>.
/// </summary>
/// <remarks>SGD keeps no state, so it accepts any list of parameters on every step.</remarks>
public sealed class Sgd : IOptimizer
{
    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        OptimizerArguments.RequireStepArguments(parameters, learningRate);
        ElementwiseUpdate.Run(parameters, null, new Rule(learningRate));
    }

    private readonly record struct Rule(float LearningRate) : IElementwiseRule
    {
        // w -= lr·g
        public (Vector<float> State, Vector<float> Weight) Update(Vector<float> gradient, Vector<float> state, Vector<float> weight)
            => (state, weight - (LearningRate * gradient));
    }
}
