using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// Base of the element-wise activations: owns the buffers and the shape bookkeeping, so each
/// activation only states its function and its derivative.
/// </summary>
/// <remarks>
/// With a <see cref="Pool"/>, a large batch is split by rows over its threads: each thread then mostly reads the rows of
/// the product it computed itself (the matrix multiply splits a batch by rows too), which stay in its core's cache,
/// instead of one core pulling half the batch from the other's. The function is element-wise, so the values are the
/// same for any split.
/// </remarks>
public abstract class ActivationLayer : ILayer, IParallelWork
{
    // Batches of fewer values than this run on the calling thread: a hand-off would cost more than it saves.
    private const int ParallelThreshold = 1 << 14;

    private Matrix? _input;
    private Matrix? _output;
    private Matrix? _inputGradient;
    private Matrix? _outputGradient;
    private bool _forward;

    /// <summary>Creates an activation over rows of <paramref name="size"/> values.</summary>
    protected ActivationLayer(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        InputSize = size;
    }

    /// <inheritdoc />
    public int InputSize { get; }

    /// <inheritdoc />
    public int OutputSize => InputSize;

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc />
    public IReadOnlyList<Parameter> State => [];

    /// <summary>Threads to split large batches over by rows (the trainer sets its own), or null for the calling thread.</summary>
    public WorkerPool? Pool { get; set; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix Forward(Matrix input, bool training)
    {
        _input = input;
        Matrix.Ensure(ref _output, input.Rows, InputSize);
        Run(forward: true, input.Rows);
        return _output!;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix Backward(Matrix outputGradient)
    {
        if (_input is null || _output is null)
        {
            throw new InvalidOperationException("Backward was called before Forward.");
        }

        _outputGradient = outputGradient;
        Matrix.Ensure(ref _inputGradient, outputGradient.Rows, InputSize);
        Run(forward: false, outputGradient.Rows);
        _outputGradient = null;
        return _inputGradient!;
    }

    /// <summary>Runs rows part/partCount of the pass <see cref="Run"/> started.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void IParallelWork.Execute(int part, int partCount)
    {
        int rows = _output!.Rows;
        int first = rows * part / partCount * InputSize;
        int length = (rows * (part + 1) / partCount * InputSize) - first;
        if (_forward)
        {
            Activate(_input!.Span.Slice(first, length), _output.Span.Slice(first, length));
        }
        else
        {
            Derive(_input!.Span.Slice(first, length), _output.Span.Slice(first, length), _outputGradient!.Span.Slice(first, length), _inputGradient!.Span.Slice(first, length));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run(bool forward, int rows)
    {
        _forward = forward;
        if (Pool is { ThreadCount: > 1 } && (long)rows * InputSize >= ParallelThreshold)
        {
            Pool.Run(this);
        }
        else
        {
            ((IParallelWork)this).Execute(0, 1);
        }
    }

    /// <summary>output = f(input), element by element.</summary>
    protected abstract void Activate(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>inputGradient = f′(input) · outputGradient, element by element (output = f(input) is given too).</summary>
    protected abstract void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient);
}
