using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// AdaGrad (Duchi et al., 2011): every weight gets its own learning rate, shrinking with the sum of its
/// past squared gradients, so often-updated weights slow down while rarely-updated ones keep moving.
/// Update rule: <c>h += g²; w -= lr·g / (√h + ε)</c>.
/// </summary>
/// <remarks>
/// ε (default 1e-8, as in Keras and PyTorch's Adam; Saito's book uses 1e-7) only guards against division
/// by zero while <c>h</c> is still 0. Because <c>h</c> only grows, the effective rate decays towards zero;
/// <see cref="RmsProp"/> fixes that by forgetting old gradients.
/// </remarks>
public sealed class AdaGrad : IOptimizer
{
    private readonly OptimizerState _state = new(nameof(AdaGrad), buffersPerParameter: 1);

    /// <summary>Creates the optimizer.</summary>
    /// <param name="epsilon">Small positive constant added to the denominator.</param>
    public AdaGrad(float epsilon = 1e-8f)
    {
        OptimizerArguments.RequirePositive(epsilon, nameof(epsilon));
        Epsilon = epsilon;
    }

    /// <summary>The constant ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        OptimizerArguments.RequireStepArguments(parameters, learningRate);
        ElementwiseUpdate.Run(parameters, _state, new Rule(Epsilon, learningRate));
    }

    private readonly record struct Rule(float Epsilon, float LearningRate) : IElementwiseRule
    {
        // h += g²; w -= lr·g / (√h + ε)
        public (Vector<float> State, Vector<float> Weight) Update(Vector<float> gradient, Vector<float> state, Vector<float> weight)
        {
            Vector<float> sumOfSquares = state + (gradient * gradient);
            return (sumOfSquares, weight - (LearningRate * gradient / (Vector.SquareRoot(sumOfSquares) + new Vector<float>(Epsilon))));
        }
    }
}
