// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>
/// Hyperparameters for <see cref="Engine.Optimizers.OptimizerFactory.Create"/>. Each optimizer reads only the values it uses;
/// the defaults are the usual ones from the literature. Values are validated when the optimizer is created. Weight decay
/// is not here: it is one option of a training run (<c>MlpTrainerOptions.WeightDecay</c>), decoupled for AdamW and
/// coupled (added to the gradients by the trainer) for the others.
/// </summary>
public sealed record OptimizerSettings
{
    /// <summary>Momentum coefficient μ for <see cref="Engine.Optimizers.Momentum"/> and <see cref="Engine.Optimizers.Nesterov"/>.</summary>
    public float Momentum { get; init; } = 0.9f;

    /// <summary>First-moment decay β1 for <see cref="Engine.Optimizers.Adam"/> and <see cref="Engine.Optimizers.AdamW"/>.</summary>
    public float Beta1 { get; init; } = 0.9f;

    /// <summary>Second-moment decay β2 for <see cref="Engine.Optimizers.Adam"/> and <see cref="Engine.Optimizers.AdamW"/>.</summary>
    public float Beta2 { get; init; } = 0.999f;

    /// <summary>Denominator constant ε for <see cref="Engine.Optimizers.AdaGrad"/>, <see cref="Engine.Optimizers.RmsProp"/>, <see cref="Engine.Optimizers.Adam"/> and <see cref="Engine.Optimizers.AdamW"/>.</summary>
    public float Epsilon { get; init; } = 1e-8f;

    /// <summary>Moving-average decay ρ for <see cref="Engine.Optimizers.RmsProp"/>.</summary>
    public float RmsPropDecay { get; init; } = 0.9f;
}
