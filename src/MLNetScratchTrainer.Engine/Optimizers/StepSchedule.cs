namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Step decay: the rate drops by a factor γ every <see cref="StepSize"/> epochs.
/// Rule: <c>rate = baseRate·γ^⌊epoch / stepSize⌋</c>.
/// </summary>
public sealed class StepSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSize">Number of epochs between decays, greater than 0.</param>
    /// <param name="gamma">Factor applied at each decay, finite and greater than 0 (for example 0.1).</param>
    public StepSchedule(int stepSize, float gamma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        OptimizerArguments.RequirePositive(gamma, nameof(gamma));
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Number of epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>Factor applied at each decay.</summary>
    public float Gamma { get; }

    /// <inheritdoc />
    public override float RateAt(int epoch, float baseRate)
    {
        ValidateRateArguments(epoch, baseRate);
        return (float)(baseRate * Math.Pow(Gamma, epoch / StepSize));
    }
}
