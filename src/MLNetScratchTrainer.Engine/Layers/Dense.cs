using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// Fully connected (affine) layer: Y = X·W + b, with X of shape batch × in and W of shape in × out.
/// </summary>
/// <remarks>
/// Its three matrix products (<see cref="WeightProducts"/>): forward Y = X·W, the weight gradient ∂L/∂W = Xᵀ·∂L/∂Y,
/// and the input gradient ∂L/∂X = ∂L/∂Y·Wᵀ — skipped by <see cref="BackwardToParameters"/> for the first layer,
/// whose input is the data. ∂L/∂b is the column sum of ∂L/∂Y.
/// The bias is added to each block of Y as the forward product finishes it (see <see cref="IGemmEpilogue"/>), and a
/// parameter's <see cref="Parameter.GradientReady"/>, when a fused optimizer step sets it, gets each block of ∂L/∂W as the
/// weight-gradient product finishes it and ∂L/∂b once summed. The input-gradient product, which reads W, therefore
/// runs before the weight-gradient product.
/// </remarks>
public sealed class Dense : ILayer
{
    private readonly Gemm _gemm;
    private readonly BiasAddition _biasAddition;
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
        _biasAddition = new BiasAddition(Bias);
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix Forward(Matrix input, bool training)
    {
        _input = input;
        var output = Matrix.Ensure(ref _output, input.Rows, OutputSize);

        // Y = X·W, then Y += b on every row, block by block as the product finishes them.
        _biasAddition.Output = output;
        WeightProducts.Forward(_gemm, input, Weight.Value, output, _biasAddition);
        return output;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix Backward(Matrix outputGradient)
    {
        // ∂L/∂X first, while W is this step's (a fused optimizer step updates W as ∂L/∂W is formed).
        var inputGradient = Matrix.Ensure(ref _inputGradient, outputGradient.Rows, InputSize);
        WeightProducts.InputGradient(_gemm, outputGradient, Weight.Value, inputGradient);

        BackwardToParameters(outputGradient);
        return inputGradient;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BackwardToParameters(Matrix outputGradient)
    {
        var input = _input ?? throw new InvalidOperationException("Backward was called before Forward.");
        WeightProducts.WeightGradient(_gemm, input, outputGradient, Weight.Gradient, Weight.GradientReady);

        // ∂L/∂b = Σ over rows of ∂L/∂Y (every row added the same b).
        VectorMath.SumRows(outputGradient, Bias.Gradient);
        Bias.GradientReady?.RegionDone(0, 1, 0, OutputSize);
    }

    /// <summary>Y += b on every row of a finished block of the forward product.</summary>
    private sealed class BiasAddition(Parameter bias) : IGemmEpilogue
    {
        /// <summary>Y, the product being formed.</summary>
        public Matrix? Output { get; set; }

        public bool IsCostly => false;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void RegionDone(int rowFirst, int rowEnd, int columnFirst, int columnEnd)
        {
            ReadOnlySpan<float> b = bias.Value.AsSpan(columnFirst, columnEnd - columnFirst);
            for (int r = rowFirst; r < rowEnd; r++)
            {
                VectorMath.Add(Output!.Row(r)[columnFirst..columnEnd], b);
            }
        }
    }
}
