using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Parallelism;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// AdamW (Loshchilov and Hutter, 2019): <see cref="Adam"/> with decoupled weight decay. Instead of adding
/// <c>λ·w</c> to the gradient (where Adam's per-weight scaling would weaken it), every weight is shrunk
/// directly, before the Adam update, exactly as PyTorch's <c>AdamW</c> does.
/// Update rule: <c>w -= lr·λ·w</c> (weights only), then the <see cref="Adam"/> rule.
/// </summary>
/// <remarks>
/// Decay applies only to parameters with <see cref="Parameter.IsWeight"/> set; biases are never decayed.
/// The decay is scaled by the learning rate of the step, so a learning-rate schedule also scales it.
/// </remarks>
public sealed class AdamW : IOptimizer, IFusableOptimizer
{
    private readonly Adam _adam;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="weightDecay">Decoupled weight decay λ, finite and not negative (PyTorch's default is 0.01).</param>
    /// <param name="beta1">Decay rate β1 in [0, 1) of the first-moment (mean) estimate.</param>
    /// <param name="beta2">Decay rate β2 in [0, 1) of the second-moment (uncentred variance) estimate.</param>
    /// <param name="epsilon">Small positive constant added to the denominator.</param>
    /// <param name="pool">Threads to split large steps over; null updates on the calling thread.</param>
    public AdamW(float weightDecay, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, WorkerPool? pool = null)
    {
        OptimizerArguments.RequireNonNegative(weightDecay, nameof(weightDecay));
        _adam = new Adam(beta1, beta2, epsilon, pool);
        WeightDecay = weightDecay;
    }

    /// <summary>Decoupled weight decay λ.</summary>
    public float WeightDecay { get; }

    /// <summary>Decay rate β1 of the first-moment estimate.</summary>
    public float Beta1 => _adam.Beta1;

    /// <summary>Decay rate β2 of the second-moment estimate.</summary>
    public float Beta2 => _adam.Beta2;

    /// <summary>The constant ε added to the denominator.</summary>
    public float Epsilon => _adam.Epsilon;

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate) =>
        _adam.Step(parameters, learningRate, WeightDecay);

    /// <inheritdoc />
    void IFusableOptimizer.BeginStep(IReadOnlyList<Parameter> parameters, float learningRate) => _adam.BeginStep(parameters, learningRate, WeightDecay);

    /// <inheritdoc />
    void IFusableOptimizer.UpdateRange(int parameterIndex, int start, int length) => _adam.UpdateRange(parameterIndex, start, length);

    /// <inheritdoc />
    void IFusableOptimizer.EndStep() => _adam.EndStep();
}
