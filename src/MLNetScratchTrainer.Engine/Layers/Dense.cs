using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// Fully connected (affine) layer: Y = X·W + b, with X of shape batch × in and W of shape in × out.
/// </summary>
/// <remarks>
/// Its three matrix products (<see cref="WeightProducts"/>): forward Y = X·W, the weight gradient ∂L/∂W = Xᵀ·∂L/∂Y,
/// and the input gradient ∂L/∂X = ∂L/∂Y·Wᵀ — skipped by <see cref="BackwardToParameters"/> for the first layer,
/// whose input is the data. ∂L/∂b is the column sum of ∂L/∂Y.
/// </remarks>
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
        Name = name;
        InputSize = inputSize;
        OutputSize = outputSize;
        _gemm = gemm;
        var tensors = Describe(name, inputSize, outputSize);
        Weight = new Parameter(tensors[0]);
        Bias = new Parameter(tensors[1]);
        Parameters = [Weight, Bias];
    }

    /// <summary>Prefix of the parameter names, for example "dense0".</summary>
    public string Name { get; }

    /// <inheritdoc />
    public int InputSize { get; }

    /// <inheritdoc />
    public int OutputSize { get; }

    /// <summary>W, in × out.</summary>
    public Parameter Weight { get; }

    /// <summary>b, one per output.</summary>
    public Parameter Bias { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> State => [];

    /// <summary>The tensors of a dense layer: W (in × out), trained with weight decay, then b (1 × out), trained without.</summary>
    /// <param name="name">Prefix of the tensor names, for example "dense0".</param>
    /// <param name="inputSize">Inputs per row.</param>
    /// <param name="outputSize">Outputs (units) per row.</param>
    public static IReadOnlyList<TensorSpec> Describe(string name, int inputSize, int outputSize) =>
    [
        new($"{name}.weight", inputSize, outputSize, TensorRole.Weight),
        new($"{name}.bias", 1, outputSize, TensorRole.Bias),
    ];

    /// <inheritdoc />
    public Matrix Forward(Matrix input, bool training)
    {
        _input = input;
        var output = Matrix.Ensure(ref _output, input.Rows, OutputSize);

        // Y = X·W, then Y += b on every row.
        WeightProducts.Forward(_gemm, input, Weight.Value, output);
        VectorMath.AddToEachRow(output, Bias.Value);
        return output;
    }

    /// <inheritdoc />
    public Matrix Backward(Matrix outputGradient)
    {
        BackwardToParameters(outputGradient);

        var inputGradient = Matrix.Ensure(ref _inputGradient, outputGradient.Rows, InputSize);
        WeightProducts.InputGradient(_gemm, outputGradient, Weight.Value, inputGradient);
        return inputGradient;
    }

    /// <inheritdoc />
    public void BackwardToParameters(Matrix outputGradient)
    {
        var input = _input ?? throw new InvalidOperationException("Backward was called before Forward.");
        WeightProducts.WeightGradient(_gemm, input, outputGradient, Weight.Gradient);

        // ∂L/∂b = Σ over rows of ∂L/∂Y (every row added the same b).
        VectorMath.SumRows(outputGradient, Bias.Gradient);
    }
}
