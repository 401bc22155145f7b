using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// Base of the element-wise activations: owns the buffers and the shape bookkeeping, so each
/// activation only states its function and its derivative.
/// </summary>
public abstract class ActivationLayer : ILayer
{
    private Matrix? _input;
    private Matrix? _output;
    private Matrix? _inputGradient;

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

    /// <inheritdoc />
    public Matrix Forward(Matrix input, bool training)
    {
        _input = input;
        var output = Matrix.Ensure(ref _output, input.Rows, InputSize);
        Activate(input.Span, output.Span);
        return output;
    }

    /// <inheritdoc />
    public Matrix Backward(Matrix outputGradient)
    {
        if (_input is null || _output is null)
        {
            throw new InvalidOperationException("Backward was called before Forward.");
        }

        var inputGradient = Matrix.Ensure(ref _inputGradient, outputGradient.Rows, InputSize);
        Derive(_input.Span, _output.Span, outputGradient.Span, inputGradient.Span);
        return inputGradient;
    }

    /// <summary>output = f(input), element by element.</summary>
    protected abstract void Activate(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>inputGradient = f′(input) · outputGradient, element by element (output = f(input) is given too).</summary>
    protected abstract void Derive(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient);
}
