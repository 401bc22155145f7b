using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>Argument checks shared by the optimizers' constructors and <see cref="IOptimizer.Step"/> methods.</summary>
internal static class OptimizerArguments
{
    /// <summary>Checks a decay or momentum coefficient: it must lie in [0, 1).</summary>
    public static void RequireDecayRate(float value, string parameterName)
    {
        if (!(value >= 0f && value < 1f))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be in [0, 1) but was {value}.");
        }
    }

    /// <summary>Checks a value that must be finite and greater than zero (epsilons, norms).</summary>
    public static void RequirePositive(float value, string parameterName)
    {
        if (!(value > 0f && float.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be finite and greater than 0 but was {value}.");
        }
    }

    /// <summary>Checks a value that must be finite and not negative (learning rates, weight decay).</summary>
    public static void RequireNonNegative(float value, string parameterName)
    {
        if (!(value >= 0f && float.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be finite and not negative but was {value}.");
        }
    }

    /// <summary>Checks the arguments of <see cref="IOptimizer.Step"/>.</summary>
    public static void RequireStepArguments(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        RequireNonNegative(learningRate, nameof(learningRate));
    }
}
