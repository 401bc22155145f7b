using System.Diagnostics;
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
/// The rule runs on the widest vectors the CPU accelerates (512 bits with AVX-512): its square root and division are
/// most of its cost, and a wider vector does them for twice the weights at about the same price. Every operation rounds
/// as in scalar code, so the weights are the same at every width.
/// </remarks>
public sealed class Adam : IOptimizer, IFusableOptimizer, IParallelWork
{
    // Below this many weights one thread updates them all: a hand-off to a worker costs more than it saves.
    private const int ParallelThreshold = 1 << 15;

    private readonly OptimizerState _state = new(nameof(Adam), buffersPerParameter: 2);
    private readonly WorkerPool? _pool;
    private readonly int _vectorBits;
    private int _stepCount;
    private IReadOnlyList<Parameter> _parameters = [];
    private float _learningRate, _stepSize, _correction, _decoupledWeightDecay;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="beta1">Decay rate β1 in [0, 1) of the first-moment (mean) estimate.</param>
    /// <param name="beta2">Decay rate β2 in [0, 1) of the second-moment (uncentred variance) estimate.</param>
    /// <param name="epsilon">Small positive constant added to the denominator.</param>
    /// <param name="pool">Threads to split large steps over; null updates on the calling thread.</param>
    public Adam(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, WorkerPool? pool = null)
        : this(beta1, beta2, epsilon, pool, SimdWidths.WidestAccelerated)
    {
    }

    /// <summary>Creates the optimizer with a given vector width in bits (512, 256 or 128); tests use it to cover every width.</summary>
    internal Adam(float beta1, float beta2, float epsilon, WorkerPool? pool, int vectorBits)
    {
        OptimizerArguments.RequireDecayRate(beta1, nameof(beta1));
        OptimizerArguments.RequireDecayRate(beta2, nameof(beta2));
        OptimizerArguments.RequirePositive(epsilon, nameof(epsilon));
        if (vectorBits is not (512 or 256 or 128))
        {
            throw new ArgumentOutOfRangeException(nameof(vectorBits), vectorBits, "Vector width must be 128, 256 or 512 bits.");
        }

        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _pool = pool;
        _vectorBits = vectorBits;
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
    /// corrections into two scalars. <see cref="UpdateRange"/> then updates the weights, <see cref="EndStep"/> ends it.
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

    /// <summary>Ends the step <see cref="BeginStep"/> started.</summary>
    internal void EndStep() => _parameters = [];

    /// <summary>
    /// Updates elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of parameter
    /// <paramref name="p"/> in the current step. Ranges of one step must not overlap; disjoint ranges may be updated
    /// from several threads at once.
    /// </summary>
    internal void UpdateRange(int p, int start, int length)
    {
        switch (_vectorBits)
        {
            case 512:
                UpdateRange<Simd512, Vector512<float>>(Coefficients<Simd512, Vector512<float>>(p), p, start, length);
                break;
            case 256:
                UpdateRange<Simd256, Vector256<float>>(Coefficients<Simd256, Vector256<float>>(p), p, start, length);
                break;
            default:
                UpdateRange<Simd128, Vector128<float>>(Coefficients<Simd128, Vector128<float>>(p), p, start, length);
                break;
        }
    }

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
        switch (_vectorBits)
        {
            case 512:
                Execute<Simd512, Vector512<float>>(part, partCount);
                break;
            case 256:
                Execute<Simd256, Vector256<float>>(part, partCount);
                break;
            default:
                Execute<Simd128, Vector128<float>>(part, partCount);
                break;
        }
    }

    private void Execute<TSimd, TVector>(int part, int partCount)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        for (int p = 0; p < _parameters.Count; p++)
        {
            var parameter = _parameters[p];
            var coefficients = Coefficients<TSimd, TVector>(p);
            if (parameter.GradientRows is { } rows)
            {
                // The lazy step: only the rows the batch touched, each straight from the arrays (a touched row is often
                // only a few vectors wide, so per-row overhead would cost as much as the update itself).
                foreach (int row in rows.Span[(rows.Length * part / partCount)..(rows.Length * (part + 1) / partCount)])
                {
                    UpdateRange<TSimd, TVector>(coefficients, p, row * parameter.Columns, parameter.Columns);
                }

                continue;
            }

            int blocks = parameter.Value.Length / TSimd.Count;
            int first = (int)((long)blocks * part / partCount) * TSimd.Count;
            int end = part == partCount - 1 ? parameter.Value.Length : (int)((long)blocks * (part + 1) / partCount) * TSimd.Count;
            UpdateRange<TSimd, TVector>(coefficients, p, first, end - first);
        }
    }

    /// <summary>The step's scalars for parameter <paramref name="p"/>, each in every lane of a vector.</summary>
    private Lanes<TVector> Coefficients<TSimd, TVector>(int p)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        float decayFactor = _parameters[p].IsWeight ? 1f - (_learningRate * _decoupledWeightDecay) : 1f;
        return new(
            TSimd.Broadcast(Beta1), TSimd.Broadcast(1f - Beta1), TSimd.Broadcast(Beta2), TSimd.Broadcast(1f - Beta2),
            TSimd.Broadcast(Epsilon), TSimd.Broadcast(_correction), TSimd.Broadcast(_stepSize), TSimd.Broadcast(decayFactor),
            TSimd.Broadcast(VectorBlocks.TinyMagnitude));
    }

    /// <summary>Updates a range of parameter <paramref name="p"/>: whole vectors in place, then the partial one through a padded copy.</summary>
    private void UpdateRange<TSimd, TVector>(in Lanes<TVector> k, int p, int start, int length)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        float[] weights = _parameters[p].Value;
        Debug.Assert(start >= 0 && length >= 0 && start + length <= weights.Length, "The range lies inside the parameter.");
        ref float w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(weights), start);
        ref float g = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_parameters[p].Gradient), start);
        ref float m = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_state.Buffer(p, 0)), start);
        ref float v = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_state.Buffer(p, 1)), start);
        int i = 0;
        for (; i <= length - TSimd.Count; i += TSimd.Count)
        {
            Update<TSimd, TVector>(k, ref Unsafe.Add(ref g, i), ref Unsafe.Add(ref m, i), ref Unsafe.Add(ref v, i), ref Unsafe.Add(ref w, i));
        }

        if (i < length)
        {
            // The last partial vector: zero-padded copies (a zero gradient, moment and weight give a finite, unused result).
            int tail = length - i;
            Span<float> padded = stackalloc float[4 * TSimd.Count];
            padded.Clear();
            Span<float> gTail = padded[..TSimd.Count], mTail = padded.Slice(TSimd.Count, TSimd.Count);
            Span<float> vTail = padded.Slice(2 * TSimd.Count, TSimd.Count), wTail = padded[(3 * TSimd.Count)..];
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref g, i), tail).CopyTo(gTail);
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref m, i), tail).CopyTo(mTail);
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref v, i), tail).CopyTo(vTail);
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref w, i), tail).CopyTo(wTail);
            Update<TSimd, TVector>(k, ref gTail[0], ref mTail[0], ref vTail[0], ref wTail[0]);
            mTail[..tail].CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref m, i), tail));
            vTail[..tail].CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref v, i), tail));
            wTail[..tail].CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref w, i), tail));
        }
    }

    // The rule for one vector of weights, the bias corrections folded into StepSize and Correction:
    // m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; w = decay·w − stepSize·m / (√v·correction + ε)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update<TSimd, TVector>(in Lanes<TVector> k, ref float g, ref float m, ref float v, ref float w)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        TVector gradient = TSimd.Load(ref g);
        TVector mean = TSimd.Add(TSimd.Multiply(k.Beta1, TSimd.Load(ref m)), TSimd.Multiply(k.OneMinusBeta1, gradient));
        TVector variance = TSimd.Add(TSimd.Multiply(k.Beta2, TSimd.Load(ref v)), TSimd.Multiply(k.OneMinusBeta2, TSimd.Multiply(gradient, gradient)));
        mean = TSimd.ZeroBelow(mean, k.Tiny);    // see VectorBlocks.StoreState: no subnormal state
        variance = TSimd.ZeroBelow(variance, k.Tiny);
        TVector denominator = TSimd.Add(TSimd.Multiply(TSimd.SquareRoot(variance), k.Correction), k.Epsilon);
        TVector weight = TSimd.Subtract(TSimd.Multiply(k.Decay, TSimd.Load(ref w)), TSimd.Divide(TSimd.Multiply(k.StepSize, mean), denominator));
        TSimd.Store(mean, ref m);
        TSimd.Store(variance, ref v);
        TSimd.Store(weight, ref w);
    }

    /// <summary>The scalars of one step, each broadcast to a vector.</summary>
    private readonly record struct Lanes<TVector>(
        TVector Beta1, TVector OneMinusBeta1, TVector Beta2, TVector OneMinusBeta2, TVector Epsilon, TVector Correction, TVector StepSize, TVector Decay, TVector Tiny)
        where TVector : struct;
}
