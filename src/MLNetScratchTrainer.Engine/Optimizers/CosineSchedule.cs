namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Cosine annealing (Loshchilov and Hutter, 2017, without restarts): the rate follows half a cosine wave from
/// <c>baseRate</c> at epoch 0 down to <see cref="MinimumRate"/> at <see cref="TotalEpochs"/>, and stays there.
/// Rule: <c>rate = min + (baseRate − min)·(1 + cos(π·epoch / totalEpochs)) / 2</c>.
/// </summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="totalEpochs">The epoch at which the rate reaches <paramref name="minimumRate"/>, greater than 0.</param>
    /// <param name="minimumRate">The final rate, finite and not negative.</param>
    public CosineSchedule(int totalEpochs, float minimumRate = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalEpochs);
        OptimizerArguments.RequireNonNegative(minimumRate, nameof(minimumRate));
        TotalEpochs = totalEpochs;
        MinimumRate = minimumRate;
    }

    /// <summary>The epoch at which the rate reaches <see cref="MinimumRate"/>.</summary>
    public int TotalEpochs { get; }

    /// <summary>The final rate.</summary>
    public float MinimumRate { get; }

    /// <inheritdoc />
    public override float RateAt(int epoch, float baseRate)
    {
        ValidateRateArguments(epoch, baseRate);
        if (epoch >= TotalEpochs)
        {
            return MinimumRate;
        }

        double progress = (double)epoch / TotalEpochs;
        return (float)(MinimumRate + ((baseRate - MinimumRate) * 0.5 * (1 + Math.Cos(Math.PI * progress))));
    }
}
