using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// Fully connected (affine) layer: Y = X·W + b, with X of shape batch × in and W of shape in × out.
/// </summary>
public sealed class Dense : ILayer
{
    private readonly Gemm _gemm;
    private Matrix? _input;
    private Matrix? _output;
    private Matrix? _inputGradient;

    /// <summary>Creates a zero-initialised layer; an initializer fills <see cref="Weight"/> before training.</summary>
    /// <param name="inputSize">Inputs per row.</param>
    /// <param name="outputSize">Outputs (units) per row.</param>
    /// <param name="gemm">The matrix multiplier (and its threads) this layer computes with.</param>
    /// <param name="name">Prefix of the parameter names, for example "dense0".</param>
    public Dense(int inputSize, int outputSize, Gemm gemm, string name = "dense")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        InputSize = inputSize;
        OutputSize = outputSize;
        _gemm = gemm;
        Weight = new Parameter($"{name}.weight", inputSize, outputSize, isWeight: true);
        Bias = new Parameter($"{name}.bias", 1, outputSize, isWeight: false);
        Parameters = [Weight, Bias];
    }

    /// <inheritdoc />
    public int InputSize { get; }

    /// <inheritdoc />
    public int OutputSize { get; }

    /// <summary>W, in × out.</summary>
    public Parameter Weight { get; }

    /// <summary>b, one per output.</summary>
    public Parameter Bias { get; }

    /// <summary>
    /// Whether <see cref="Backward"/> computes ∂L/∂X. The first layer of a network does not need it
    /// (nothing consumes the gradient of the data), which saves the largest product of the backward pass.
    /// </summary>
    public bool ComputesInputGradient { get; set; } = true;

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> State => [];

    /// <inheritdoc />
    public Matrix Forward(Matrix input, bool training)
    {
        _input = input;
        var output = Matrix.Ensure(ref _output, input.Rows, OutputSize);
        _gemm.Multiply(input.Data, false, Weight.Value, false, output.Data, input.Rows, OutputSize, InputSize, accumulate: false);
        VectorMath.AddToEachRow(output, Bias.Value);
        return output;
    }

    /// <inheritdoc />
    public Matrix Backward(Matrix outputGradient)
    {
        var input = _input ?? throw new InvalidOperationException("Backward was called before Forward.");
        int batch = outputGradient.Rows;

        // ∂L/∂W = Xᵀ·∂L/∂Y
        _gemm.Multiply(input.Data, true, outputGradient.Data, false, Weight.Gradient, InputSize, OutputSize, batch, accumulate: false);

        // ∂L/∂b = Σ_rows ∂L/∂Y
        VectorMath.SumRows(outputGradient, Bias.Gradient);

        // ∂L/∂X = ∂L/∂Y·Wᵀ
        var inputGradient = Matrix.Ensure(ref _inputGradient, batch, InputSize);
        if (ComputesInputGradient)
        {
            _gemm.Multiply(outputGradient.Data, false, Weight.Value, true, inputGradient.Data, batch, InputSize, OutputSize, accumulate: false);
        }

        return inputGradient;
    }
}
