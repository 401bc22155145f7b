using MLNetScratchTrainer.Engine.Optimizers;

// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>The optimizers <see cref="OptimizerFactory"/> can create.</summary>
public enum OptimizerKind
{
    /// <summary>Plain gradient descent, <see cref="Engine.Optimizers.Sgd"/>.</summary>
    Sgd,

    /// <summary>Heavy-ball momentum, <see cref="Engine.Optimizers.Momentum"/>.</summary>
    Momentum,

    /// <summary>Nesterov momentum, <see cref="Engine.Optimizers.Nesterov"/>.</summary>
    Nesterov,

    /// <summary>Per-weight rates from summed squared gradients, <see cref="Engine.Optimizers.AdaGrad"/>.</summary>
    AdaGrad,

    /// <summary>Per-weight rates from averaged squared gradients, <see cref="Engine.Optimizers.RmsProp"/>.</summary>
    RmsProp,

    /// <summary>Momentum plus per-weight rates, bias-corrected, <see cref="Engine.Optimizers.Adam"/>.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay, <see cref="Engine.Optimizers.AdamW"/>.</summary>
    AdamW,
}
