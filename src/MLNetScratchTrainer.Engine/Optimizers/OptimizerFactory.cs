using MLNetScratchTrainer.Engine.Parallelism;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>Creates optimizers from an <see cref="OptimizerKind"/> and <see cref="OptimizerSettings"/>.</summary>
public static class OptimizerFactory
{
    /// <summary>Creates a new optimizer with fresh (empty) state.</summary>
    /// <param name="kind">Which optimizer to create.</param>
    /// <param name="settings">Its hyperparameters; values the chosen optimizer does not use are ignored.</param>
    /// <param name="weightDecay">The decoupled weight decay λ of <see cref="OptimizerKind.AdamW"/>; the other optimizers ignore it.</param>
    /// <param name="pool">Threads that Adam and AdamW split large steps over (the others step on the calling thread); null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown <paramref name="kind"/> or an invalid hyperparameter.</exception>
    public static IOptimizer Create(OptimizerKind kind, OptimizerSettings settings, float weightDecay = 0f, WorkerPool? pool = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return kind switch
        {
            OptimizerKind.Sgd => new Sgd(),
            OptimizerKind.Momentum => new Momentum(settings.Momentum),
            OptimizerKind.Nesterov => new Nesterov(settings.Momentum),
            OptimizerKind.AdaGrad => new AdaGrad(settings.Epsilon),
            OptimizerKind.RmsProp => new RmsProp(settings.RmsPropDecay, settings.Epsilon),
            OptimizerKind.Adam => new Adam(settings.Beta1, settings.Beta2, settings.Epsilon, pool),
            OptimizerKind.AdamW => new AdamW(weightDecay, settings.Beta1, settings.Beta2, settings.Epsilon, pool),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown optimizer kind {kind}."),
        };
    }
}
