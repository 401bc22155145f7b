using MLNetScratchTrainer.Engine.Optimizers;

// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>
/// Maps an epoch number to the learning rate used during that epoch. Large steps early cover ground quickly;
/// smaller steps later let the weights settle into a minimum instead of bouncing around it.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate for <paramref name="epoch"/>.</summary>
    /// <param name="epoch">0-based epoch number.</param>
    /// <param name="baseRate">The learning rate at epoch 0, finite and not negative.</param>
    public abstract float RateAt(int epoch, float baseRate);

    /// <summary>Always <c>baseRate</c>.</summary>
    public static LearningRateSchedule Constant() => new ConstantSchedule();

    /// <summary>Step decay: <c>baseRate·γ^⌊epoch / stepSize⌋</c>.</summary>
    /// <param name="stepSize">Number of epochs between decays, greater than 0.</param>
    /// <param name="gamma">Factor applied at each decay, finite and greater than 0 (for example 0.1).</param>
    public static LearningRateSchedule Step(int stepSize, float gamma) => new StepSchedule(stepSize, gamma);

    /// <summary>Exponential decay: <c>baseRate·γ^epoch</c>.</summary>
    /// <param name="gamma">Factor applied every epoch, finite and greater than 0 (for example 0.95).</param>
    public static LearningRateSchedule Exponential(float gamma) => new ExponentialSchedule(gamma);

    /// <summary>Cosine annealing from <c>baseRate</c> at epoch 0 to <paramref name="minimumRate"/> at <paramref name="totalEpochs"/>.</summary>
    /// <param name="totalEpochs">The epoch at which the rate reaches <paramref name="minimumRate"/>, greater than 0.</param>
    /// <param name="minimumRate">The final rate, finite and not negative.</param>
    public static LearningRateSchedule Cosine(int totalEpochs, float minimumRate = 0f) => new CosineSchedule(totalEpochs, minimumRate);

    /// <summary>Checks the arguments of <see cref="RateAt"/>; every implementation calls it first.</summary>
    protected static void ValidateRateArguments(int epoch, float baseRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        OptimizerArguments.RequireNonNegative(baseRate, nameof(baseRate));
    }
}
