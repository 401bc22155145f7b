using System.Numerics;
using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// RMSProp (Hinton's lecture notes, 2012): like <see cref="AdaGrad"/>, but <c>h</c> is an exponential moving
/// average of squared gradients instead of a sum, so old gradients are forgotten and learning does not stall.
/// Update rule: <c>h = ρ·h + (1 − ρ)·g²; w -= lr·g / (√h + ε)</c>.
/// </summary>
/// <remarks>ε is added outside the square root, as in PyTorch.</remarks>
public sealed class RmsProp : IOptimizer
{
    private readonly OptimizerState _state = new(nameof(RmsProp), buffersPerParameter: 1);

    /// <summary>Creates the optimizer.</summary>
    /// <param name="decay">The decay rate ρ in [0, 1) of the moving average (Keras uses 0.9, PyTorch 0.99).</param>
    /// <param name="epsilon">Small positive constant added to the denominator.</param>
    public RmsProp(float decay = 0.9f, float epsilon = 1e-8f)
    {
        OptimizerArguments.RequireDecayRate(decay, nameof(decay));
        OptimizerArguments.RequirePositive(epsilon, nameof(epsilon));
        Decay = decay;
        Epsilon = epsilon;
    }

    /// <summary>The decay rate ρ of the moving average of squared gradients.</summary>
    public float Decay { get; }

    /// <summary>The constant ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        OptimizerArguments.RequireStepArguments(parameters, learningRate);
        ElementwiseUpdate.Run(parameters, _state, new Rule(Decay, Epsilon, learningRate));
    }

    private readonly record struct Rule(float Decay, float Epsilon, float LearningRate) : IElementwiseRule
    {
        // h = ρ·h + (1 − ρ)·g²; w -= lr·g / (√h + ε)
        public (Vector<float> State, Vector<float> Weight) Update(Vector<float> gradient, Vector<float> state, Vector<float> weight)
        {
            Vector<float> average = (Decay * state) + ((1f - Decay) * (gradient * gradient));
            return (average, weight - (LearningRate * gradient / (Vector.SquareRoot(average) + new Vector<float>(Epsilon))));
        }
    }
}
