namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>The learning-rate schedules, for options and command lines; each maps to a factory on <see cref="LearningRateSchedule"/>.</summary>
public enum LearningRateScheduleKind
{
    /// <summary>A fixed rate, <see cref="LearningRateSchedule.Constant"/>.</summary>
    Constant,

    /// <summary>Step decay, <see cref="LearningRateSchedule.Step"/>.</summary>
    Step,

    /// <summary>Exponential decay, <see cref="LearningRateSchedule.Exponential"/>.</summary>
    Exponential,

    /// <summary>Cosine annealing, <see cref="LearningRateSchedule.Cosine"/>.</summary>
    Cosine,
}
