using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Parallelism;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Adam (Kingma and Ba, 2015): momentum on the gradient (first moment <c>m</c>) combined with RMSProp's
/// per-weight scaling (second moment <c>v</c>), both bias-corrected because they start at zero.
/// Update rule: <c>m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; w -= lr·m̂ / (√v̂ + ε)</c>,
/// with <c>m̂ = m / (1 − β1^t)</c> and <c>v̂ = v / (1 − β2^t)</c>.
/// </summary>
/// <remarks>
/// The step count <c>t</c> starts at 1 and grows by one on every call to <see cref="Step(IReadOnlyList{Parameter}, float)"/>.
/// The bias corrections are folded into two scalars per step, as PyTorch does:
/// <c>w -= (lr / (1 − β1^t))·m / (√v / √(1 − β2^t) + ε)</c>, which equals the rule above.
/// With a worker pool, a step over many weights is split over its threads, each updating its own whole vectors of
/// every parameter; the rule is element-wise, so the weights are bit-identical for any number of threads.
/// A parameter whose gradient is row-sparse (<see cref="Parameter.GradientRows"/>, the first layer of a network fed
/// sparse rows) has only those rows updated: the others keep their weights and moments until a batch touches them,
/// with the bias correction of the global step count (the "lazy" Adam of TensorFlow's LazyAdam and PyTorch's
/// SparseAdam). Their weight decay is lazy too. This keeps a step's cost proportional to the batch's non-zeros.
/// </remarks>
public sealed class Adam : IOptimizer, IFusableOptimizer, IParallelWork
{
    // Below this many weights one thread updates them all: a hand-off to a worker costs more than it saves.
    private const int ParallelThreshold = 1 << 15;

    private readonly OptimizerState _state = new(nameof(Adam), buffersPerParameter: 2);
    private readonly WorkerPool? _pool;
    private int _stepCount;
    private IReadOnlyList<Parameter> _parameters = [];
    private float _learningRate, _stepSize, _decoupledWeightDecay;
    private Vector<float> _correction;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="beta1">Decay rate β1 in [0, 1) of the first-moment (mean) estimate.</param>
    /// <param name="beta2">Decay rate β2 in [0, 1) of the second-moment (uncentred variance) estimate.</param>
    /// <param name="epsilon">Small positive constant added to the denominator.</param>
    /// <param name="pool">Threads to split large steps over; null updates on the calling thread.</param>
    public Adam(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, WorkerPool? pool = null)
    {
        OptimizerArguments.RequireDecayRate(beta1, nameof(beta1));
        OptimizerArguments.RequireDecayRate(beta2, nameof(beta2));
        OptimizerArguments.RequirePositive(epsilon, nameof(epsilon));
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _pool = pool;
    }

    /// <summary>Decay rate β1 of the first-moment estimate.</summary>
    public float Beta1 { get; }

    /// <summary>Decay rate β2 of the second-moment estimate.</summary>
    public float Beta2 { get; }

    /// <summary>The constant ε added to the denominator.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate) =>
        Step(parameters, learningRate, decoupledWeightDecay: 0f);

    /// <summary>
    /// One Adam step that first shrinks every weight (<see cref="Parameter.IsWeight"/>) by the factor
    /// <c>1 − lr·λ</c>; <see cref="AdamW"/> uses it with λ = <paramref name="decoupledWeightDecay"/>.
    /// </summary>
    internal void Step(IReadOnlyList<Parameter> parameters, float learningRate, float decoupledWeightDecay)
    {
        BeginStep(parameters, learningRate, decoupledWeightDecay);
        long weights = 0;
        for (int p = 0; p < parameters.Count; p++)
        {
            weights += parameters[p].GradientRows is { } rows ? (long)rows.Length * parameters[p].Columns : parameters[p].Value.Length;
        }

        if (_pool is { ThreadCount: > 1 } && weights >= ParallelThreshold)
        {
            _pool.Run(this);
        }
        else
        {
            ((IParallelWork)this).Execute(0, 1);
        }

        EndStep();
    }

    /// <summary>
    /// Starts step t + 1 over <paramref name="parameters"/>: checks the arguments, binds the state and folds the bias
    /// corrections into two scalars. <see cref="UpdateRange(int, int, int)"/> then updates the weights, <see cref="EndStep"/> ends it.
    /// </summary>
    internal void BeginStep(IReadOnlyList<Parameter> parameters, float learningRate, float decoupledWeightDecay)
    {
        OptimizerArguments.RequireStepArguments(parameters, learningRate);
        _state.Bind(parameters);
        _stepCount++;
        (_parameters, _learningRate, _decoupledWeightDecay) = (parameters, learningRate, decoupledWeightDecay);
        _stepSize = (float)(learningRate / (1.0 - Math.Pow(Beta1, _stepCount)));
        _correction = new Vector<float>((float)(1.0 / Math.Sqrt(1.0 - Math.Pow(Beta2, _stepCount))));
    }

    /// <summary>
    /// Updates elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of parameter
    /// <paramref name="p"/> in the step <see cref="BeginStep"/> started. Ranges of one step must not overlap; disjoint
    /// ranges may be updated from several threads at once.
    /// </summary>
    internal void UpdateRange(int p, int start, int length) => UpdateRange(p, start, length, DecayFactor(_parameters[p]));

    /// <summary>Ends the step <see cref="BeginStep"/> started.</summary>
    internal void EndStep() => _parameters = [];

    /// <inheritdoc />
    void IFusableOptimizer.BeginStep(IReadOnlyList<Parameter> parameters, float learningRate) => BeginStep(parameters, learningRate, decoupledWeightDecay: 0f);

    /// <inheritdoc />
    void IFusableOptimizer.UpdateRange(int parameterIndex, int start, int length) => UpdateRange(parameterIndex, start, length);

    /// <inheritdoc />
    void IFusableOptimizer.EndStep() => EndStep();

    /// <summary>
    /// Updates part <paramref name="part"/> of every parameter: its share of whole vectors (the last part also the
    /// partial one), or, for a parameter with <see cref="Parameter.GradientRows"/>, its share of those rows.
    /// </summary>
    void IParallelWork.Execute(int part, int partCount)
    {
        for (int p = 0; p < _parameters.Count; p++)
        {
            var parameter = _parameters[p];
            float decayFactor = DecayFactor(parameter);
            if (parameter.GradientRows is { } rows)
            {
                UpdateRows(p, rows.Span[(rows.Length * part / partCount)..(rows.Length * (part + 1) / partCount)], parameter.Columns, decayFactor);
                continue;
            }

            int blocks = parameter.Value.Length / VectorBlocks.Width;
            int first = (int)((long)blocks * part / partCount) * VectorBlocks.Width;
            int end = part == partCount - 1 ? parameter.Value.Length : (int)((long)blocks * (part + 1) / partCount) * VectorBlocks.Width;
            UpdateRange(p, first, end - first, decayFactor);
        }
    }

    /// <summary>The factor 1 − lr·λ of the decoupled weight decay for a weight, 1 for a bias.</summary>
    private float DecayFactor(Parameter parameter) => parameter.IsWeight ? 1f - (_learningRate * _decoupledWeightDecay) : 1f;

    /// <summary>
    /// Updates whole rows of parameter <paramref name="p"/> (the lazy step of a row-sparse gradient). Rows of whole
    /// vectors are updated straight from the arrays, with no per-row slicing: a touched row is often only a few vectors
    /// wide, so per-row overhead would cost as much as the update itself.
    /// </summary>
    private void UpdateRows(int p, ReadOnlySpan<int> rows, int columns, float decayFactor)
    {
        if (columns % VectorBlocks.Width != 0)
        {
            foreach (int row in rows)
            {
                UpdateRange(p, row * columns, columns, decayFactor);
            }

            return;
        }

        int blocksPerRow = columns / VectorBlocks.Width;
        var gBlocks = MemoryMarshal.Cast<float, Vector<float>>(_parameters[p].Gradient.AsSpan());
        var mBlocks = MemoryMarshal.Cast<float, Vector<float>>(_state.Buffer(p, 0).AsSpan());
        var vBlocks = MemoryMarshal.Cast<float, Vector<float>>(_state.Buffer(p, 1).AsSpan());
        var wBlocks = MemoryMarshal.Cast<float, Vector<float>>(_parameters[p].Value.AsSpan());
        foreach (int row in rows)
        {
            int end = (row + 1) * blocksPerRow;
            for (int b = row * blocksPerRow; b < end; b++)
            {
                (mBlocks[b], vBlocks[b], wBlocks[b]) = Update(gBlocks[b], mBlocks[b], vBlocks[b], wBlocks[b], _stepSize, _correction, decayFactor);
            }
        }
    }

    /// <summary>Updates elements [start, start + length) of parameter <paramref name="p"/>: whole vectors, then the partial one.</summary>
    private void UpdateRange(int p, int start, int length, float decayFactor)
    {
        var w = _parameters[p].Value.AsSpan(start, length);
        var g = _parameters[p].Gradient.AsSpan(start, length);
        var m = _state.Buffer(p, 0).AsSpan(start, length);
        var v = _state.Buffer(p, 1).AsSpan(start, length);
        int whole = length - (length % VectorBlocks.Width);
        var gBlocks = MemoryMarshal.Cast<float, Vector<float>>(g[..whole]);
        var mBlocks = MemoryMarshal.Cast<float, Vector<float>>(m[..whole]);
        var vBlocks = MemoryMarshal.Cast<float, Vector<float>>(v[..whole]);
        var wBlocks = MemoryMarshal.Cast<float, Vector<float>>(w[..whole]);
        for (int b = 0; b < wBlocks.Length; b++)
        {
            (mBlocks[b], vBlocks[b], wBlocks[b]) = Update(gBlocks[b], mBlocks[b], vBlocks[b], wBlocks[b], _stepSize, _correction, decayFactor);
        }

        if (whole < length)
        {
            var (mean, variance, updated) = Update(VectorBlocks.Load(g, whole), VectorBlocks.Load(m, whole), VectorBlocks.Load(v, whole), VectorBlocks.Load(w, whole), _stepSize, _correction, decayFactor);
            VectorBlocks.Store(mean, m, whole);
            VectorBlocks.Store(variance, v, whole);
            VectorBlocks.Store(updated, w, whole);
        }
    }

    // m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; w -= lr·m̂ / (√v̂ + ε)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (Vector<float> Mean, Vector<float> Variance, Vector<float> Weight) Update(
        Vector<float> gradient, Vector<float> mean, Vector<float> variance, Vector<float> weight, float stepSize, Vector<float> correction, float decayFactor)
    {
        mean = VectorBlocks.FlushTiny((Beta1 * mean) + ((1f - Beta1) * gradient));
        variance = VectorBlocks.FlushTiny((Beta2 * variance) + ((1f - Beta2) * (gradient * gradient)));
        Vector<float> denominator = (Vector.SquareRoot(variance) * correction) + new Vector<float>(Epsilon);
        return (mean, variance, (decayFactor * weight) - (stepSize * mean / denominator));
    }
}
