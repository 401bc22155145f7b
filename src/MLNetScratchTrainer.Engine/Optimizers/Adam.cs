using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;

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
    private float _correction;

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
        _correction = (float)(1.0 / Math.Sqrt(1.0 - Math.Pow(Beta2, _stepCount)));
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

            // Shares of whole vectors of the width UpdateRange runs at, so that only the last share has a partial one.
            int width = SimdWidths.WidestAccelerated / 32;
            int blocks = parameter.Value.Length / width;
            int first = (int)((long)blocks * part / partCount) * width;
            int end = part == partCount - 1 ? parameter.Value.Length : (int)((long)blocks * (part + 1) / partCount) * width;
            UpdateRange(p, first, end - first, decayFactor);
        }
    }

    /// <summary>The factor 1 − lr·λ of the decoupled weight decay for a weight, 1 for a bias.</summary>
    private float DecayFactor(Parameter parameter) => parameter.IsWeight ? 1f - (_learningRate * _decoupledWeightDecay) : 1f;

    /// <summary>
    /// Updates whole rows of parameter <paramref name="p"/> (the lazy step of a row-sparse gradient), straight from the
    /// arrays in vectors that divide a row: a touched row is often only a few vectors wide, so per-row slicing would
    /// cost as much as the update itself. Rows that no vector width divides go range by range.
    /// </summary>
    private void UpdateRows(int p, ReadOnlySpan<int> rows, int columns, float decayFactor)
    {
        int widest = SimdWidths.WidestAccelerated;
        if (widest >= 512 && columns % Simd512.Count == 0)
        {
            UpdateRows<Simd512, Vector512<float>>(p, rows, columns, decayFactor);
        }
        else if (widest >= 256 && columns % Simd256.Count == 0)
        {
            UpdateRows<Simd256, Vector256<float>>(p, rows, columns, decayFactor);
        }
        else
        {
            foreach (int row in rows)
            {
                UpdateRange(p, row * columns, columns, decayFactor);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateRows<TSimd, TVector>(int p, ReadOnlySpan<int> rows, int columns, float decayFactor)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        var all = BuffersOf(p, 0, _parameters[p].Value.Length);
        foreach (int row in rows)
        {
            Update<TSimd, TVector>(all, row * columns, (row + 1) * columns, decayFactor);
        }
    }

    /// <summary>Updates values [start, start + length) of parameter <paramref name="p"/>, in the widest vectors the CPU has.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateRange(int p, int start, int length, float decayFactor)
    {
        var buffers = BuffersOf(p, start, length);
        switch (SimdWidths.WidestAccelerated)
        {
            case 512:
                UpdateRange<Simd512, Vector512<float>>(buffers, decayFactor);
                break;
            case 256:
                UpdateRange<Simd256, Vector256<float>>(buffers, decayFactor);
                break;
            default:
                UpdateRange<Simd128, Vector128<float>>(buffers, decayFactor);
                break;
        }
    }

    /// <summary>
    /// The update of whole vectors of the four buffers, then of the last few values through a zero-padded vector (zero
    /// gradient, moments and weight stay zero, so the padding computes nothing out of range).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateRange<TSimd, TVector>(Buffers buffers, float decayFactor)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        int length = buffers.Weight.Length;
        int whole = length - (length % TSimd.Count);
        Update<TSimd, TVector>(buffers, 0, whole, decayFactor);
        if (whole < length)
        {
            int tail = length - whole;
            Span<float> padded = stackalloc float[4 * TSimd.Count];
            padded.Clear();
            var copies = new Buffers(padded[..TSimd.Count], padded.Slice(TSimd.Count, TSimd.Count), padded.Slice(2 * TSimd.Count, TSimd.Count), padded[(3 * TSimd.Count)..]);
            buffers.CopyTo(copies, whole, tail);
            Update<TSimd, TVector>(copies, 0, TSimd.Count, decayFactor);
            copies.CopyBack(buffers, whole, tail);
        }
    }

    /// <summary>
    /// m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; w = decay·w − lr·m̂ / (√v̂ + ε), on values [first, end) of
    /// <paramref name="buffers"/>, a whole number of vectors; the moments are flushed below
    /// <see cref="VectorBlocks.TinyMagnitude"/> (see <see cref="VectorBlocks.StoreState"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update<TSimd, TVector>(Buffers buffers, int first, int end, float decayFactor)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        // The loop reads and writes through references, unchecked: check its range once.
        if (first < 0 || end > buffers.Weight.Length || (end - first) % TSimd.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"Values [{first}, {end}) are not whole vectors of the {buffers.Weight.Length} values of the parameter.");
        }

        ref float g = ref MemoryMarshal.GetReference(buffers.Gradient);
        ref float m = ref MemoryMarshal.GetReference(buffers.Mean);
        ref float v = ref MemoryMarshal.GetReference(buffers.Variance);
        ref float w = ref MemoryMarshal.GetReference(buffers.Weight);
        TVector beta1 = TSimd.Broadcast(Beta1), rest1 = TSimd.Broadcast(1f - Beta1);
        TVector beta2 = TSimd.Broadcast(Beta2), rest2 = TSimd.Broadcast(1f - Beta2);
        TVector correction = TSimd.Broadcast(_correction), epsilon = TSimd.Broadcast(Epsilon);
        TVector stepSize = TSimd.Broadcast(_stepSize), decay = TSimd.Broadcast(decayFactor), tiny = TSimd.Broadcast(VectorBlocks.TinyMagnitude);
        for (int i = first; i < end; i += TSimd.Count)
        {
            TVector gradient = TSimd.Load(ref Unsafe.Add(ref g, i));
            TVector mean = TSimd.FlushBelow(TSimd.Add(TSimd.Multiply(beta1, TSimd.Load(ref Unsafe.Add(ref m, i))), TSimd.Multiply(rest1, gradient)), tiny);
            TVector variance = TSimd.FlushBelow(TSimd.Add(TSimd.Multiply(beta2, TSimd.Load(ref Unsafe.Add(ref v, i))), TSimd.Multiply(rest2, TSimd.Multiply(gradient, gradient))), tiny);
            TVector denominator = TSimd.Add(TSimd.Multiply(TSimd.SquareRoot(variance), correction), epsilon);
            TSimd.Store(mean, ref Unsafe.Add(ref m, i));
            TSimd.Store(variance, ref Unsafe.Add(ref v, i));
            TSimd.Store(TSimd.Subtract(TSimd.Multiply(decay, TSimd.Load(ref Unsafe.Add(ref w, i))), TSimd.Divide(TSimd.Multiply(stepSize, mean), denominator)), ref Unsafe.Add(ref w, i));
        }
    }

    private Buffers BuffersOf(int p, int start, int length) => new(
        _parameters[p].Gradient.AsSpan(start, length), _state.Buffer(p, 0).AsSpan(start, length), _state.Buffer(p, 1).AsSpan(start, length), _parameters[p].Value.AsSpan(start, length));

    /// <summary>The same range of the gradient, the two moments and the weights of one parameter.</summary>
    private readonly ref struct Buffers(Span<float> gradient, Span<float> mean, Span<float> variance, Span<float> weight)
    {
        public readonly Span<float> Gradient = gradient;
        public readonly Span<float> Mean = mean;
        public readonly Span<float> Variance = variance;
        public readonly Span<float> Weight = weight;

        /// <summary>Copies <paramref name="count"/> values of each buffer from <paramref name="start"/> to the start of <paramref name="target"/>'s.</summary>
        public void CopyTo(Buffers target, int start, int count)
        {
            Gradient.Slice(start, count).CopyTo(target.Gradient);
            Mean.Slice(start, count).CopyTo(target.Mean);
            Variance.Slice(start, count).CopyTo(target.Variance);
            Weight.Slice(start, count).CopyTo(target.Weight);
        }

        /// <summary>Copies the first <paramref name="count"/> updated moments and weights back to <paramref name="target"/> at <paramref name="start"/>.</summary>
        public void CopyBack(Buffers target, int start, int count)
        {
            Mean[..count].CopyTo(target.Mean[start..]);
            Variance[..count].CopyTo(target.Variance[start..]);
            Weight[..count].CopyTo(target.Weight[start..]);
        }
    }
}
