namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>Exponential decay: the rate is multiplied by γ every epoch. Rule: <c>rate = baseRate·γ^epoch</c>.</summary>
public sealed class ExponentialSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="gamma">Factor applied every epoch, finite and greater than 0 (for example 0.95).</param>
    public ExponentialSchedule(float gamma)
    {
        OptimizerArguments.RequirePositive(gamma, nameof(gamma));
        Gamma = gamma;
    }

    /// <summary>Factor applied every epoch.</summary>
    public float Gamma { get; }

    /// <inheritdoc />
    public override float RateAt(int epoch, float baseRate)
    {
        ValidateRateArguments(epoch, baseRate);
        return (float)(baseRate * Math.Pow(Gamma, epoch));
    }
}
