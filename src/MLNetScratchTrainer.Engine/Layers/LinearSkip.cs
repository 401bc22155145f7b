using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// A linear map without bias, Y = X·S with S of shape in × out: the skip path of a "wide and deep" network. A
/// <see cref="Models.Network"/> runs it beside its layers, on the network's input, and adds its output to the logits,
/// so the network's output is MLP(x) + x·S: the linear part of the target is a linear model's (a GLM's through the
/// head), and the hidden layers have only the rest to learn. It has no bias because the output layer has one.
/// </summary>
/// <remarks>
/// S starts at zero here (<see cref="Models.Network"/> starts as the plain MLP; a linear map has no hidden units whose
/// symmetry an initializer must break, and its first gradient Xᵀ·∂L/∂Y already moves it); training starts it at a ridge
/// fit for regression and binary classification (<c>LinearSkipStart</c>). Its products are <see cref="Dense"/>'s without
/// the bias (<see cref="WeightProducts"/>): Y = X·S, ∂L/∂S = Xᵀ·∂L/∂Y, ∂L/∂X = ∂L/∂Y·Sᵀ, the last skipped by
/// <see cref="BackwardToParameters"/>, which the network calls, as its input is the data.
/// </remarks>
public sealed class LinearSkip : ILayer
{
    private readonly Gemm _gemm;
    private Matrix? _input;
    private Matrix? _output;
    private Matrix? _inputGradient;

    /// <summary>Creates the map with S = 0.</summary>
    /// <param name="inputSize">Inputs per row: the network's input size.</param>
    /// <param name="outputSize">Outputs per row: the network's logits.</param>
    /// <param name="gemm">The matrix multiplier (and its threads) this layer computes with.</param>
    /// <param name="name">Prefix of the parameter name, for example "skip".</param>
    public LinearSkip(int inputSize, int outputSize, Gemm gemm, string name = "skip")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        ArgumentNullException.ThrowIfNull(gemm);
        InputSize = inputSize;
        OutputSize = outputSize;
        _gemm = gemm;
        Weight = new Parameter(Describe(name, inputSize, outputSize)[0]);
        Parameters = [Weight];
    }

    /// <inheritdoc />
    public int InputSize { get; }

    /// <inheritdoc />
    public int OutputSize { get; }

    /// <summary>S, in × out.</summary>
    public Parameter Weight { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> State => [];

    /// <summary>The one tensor of a linear skip: S (in × out), trained with weight decay like every weight matrix.</summary>
    /// <param name="name">Prefix of the tensor name, for example "skip".</param>
    /// <param name="inputSize">Inputs per row.</param>
    /// <param name="outputSize">Outputs per row.</param>
    public static IReadOnlyList<TensorSpec> Describe(string name, int inputSize, int outputSize) =>
    [
        new($"{name}.weight", inputSize, outputSize, TensorRole.Weight),
    ];

    /// <inheritdoc />
    public Matrix Forward(Matrix input, bool training)
    {
        _input = input;
        var output = Matrix.Ensure(ref _output, input.Rows, OutputSize);
        WeightProducts.Forward(_gemm, input, Weight.Value, output);
        return output;
    }

    /// <inheritdoc />
    public Matrix Backward(Matrix outputGradient)
    {
        // ∂L/∂X first, while S is this step's (a fused optimizer step updates S as ∂L/∂S is formed).
        var inputGradient = Matrix.Ensure(ref _inputGradient, outputGradient.Rows, InputSize);
        WeightProducts.InputGradient(_gemm, outputGradient, Weight.Value, inputGradient);
        BackwardToParameters(outputGradient);
        return inputGradient;
    }

    /// <inheritdoc />
    public void BackwardToParameters(Matrix outputGradient)
        => WeightProducts.WeightGradient(_gemm, _input ?? throw new InvalidOperationException("Backward was called before Forward."), outputGradient, Weight.Gradient, Weight.GradientReady);
}
