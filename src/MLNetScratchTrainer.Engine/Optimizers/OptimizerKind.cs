namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>The optimizers <see cref="OptimizerFactory"/> can create.</summary>
public enum OptimizerKind
{
    /// <summary>Plain gradient descent, <see cref="Optimizers.Sgd"/>.</summary>
    Sgd,

    /// <summary>Heavy-ball momentum, <see cref="Optimizers.Momentum"/>.</summary>
    Momentum,

    /// <summary>Nesterov momentum, <see cref="Optimizers.Nesterov"/>.</summary>
    Nesterov,

    /// <summary>Per-weight rates from summed squared gradients, <see cref="Optimizers.AdaGrad"/>.</summary>
    AdaGrad,

    /// <summary>Per-weight rates from averaged squared gradients, <see cref="Optimizers.RmsProp"/>.</summary>
    RmsProp,

    /// <summary>Momentum plus per-weight rates, bias-corrected, <see cref="Optimizers.Adam"/>.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay, <see cref="Optimizers.AdamW"/>.</summary>
    AdamW,
}
