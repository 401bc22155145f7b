namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>A schedule that keeps the learning rate fixed. Rule: <c>rate = baseRate</c>.</summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <inheritdoc />
    public override float RateAt(int epoch, float baseRate)
    {
        ValidateRateArguments(epoch, baseRate);
        return baseRate;
    }
}
