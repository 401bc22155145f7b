using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// Batch normalisation (Ioffe &amp; Szegedy, 2015): each feature is standardised with the batch's mean and
/// variance in training, and with running averages of them at inference; then y = γ·x̂ + β.
/// </summary>
public sealed class BatchNorm : ILayer
{
    private readonly float[] _batchMean;
    private readonly float[] _inverseStd;
    private Matrix? _normalized;
    private Matrix? _output;
    private Matrix? _inputGradient;
    private bool _usedBatchStatistics;

    /// <summary>Creates the layer with γ = 1, β = 0, running mean 0 and running variance 1.</summary>
    /// <param name="size">Features per row.</param>
    /// <param name="momentum">Weight of the newest batch in the running averages (PyTorch's convention, default 0.1).</param>
    /// <param name="epsilon">Added to the variance before the square root.</param>
    /// <param name="name">Prefix of the parameter names.</param>
    public BatchNorm(int size, float momentum = 0.1f, float epsilon = 1e-5f, string name = "batchnorm")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        InputSize = size;
        Momentum = momentum;
        Epsilon = epsilon;
        var tensors = Describe(name, size);
        Gamma = new Parameter(tensors[0]);
        Beta = new Parameter(tensors[1]);
        RunningMean = new Parameter(tensors[2]);
        RunningVariance = new Parameter(tensors[3]);
        Array.Fill(Gamma.Value, 1f);
        Array.Fill(RunningVariance.Value, 1f);
        Parameters = [Gamma, Beta];
        State = [RunningMean, RunningVariance];
        _batchMean = new float[size];
        _inverseStd = new float[size];
    }

    /// <summary>
    /// The tensors of a batch-normalisation layer, each 1 × size: γ and β, trained without weight decay, then the
    /// running mean and variance, saved state.
    /// </summary>
    /// <param name="name">Prefix of the tensor names, for example "batchnorm0".</param>
    /// <param name="size">Features per row.</param>
    public static IReadOnlyList<TensorSpec> Describe(string name, int size) =>
    [
        new($"{name}.gamma", 1, size, TensorRole.Bias),
        new($"{name}.beta", 1, size, TensorRole.Bias),
        new($"{name}.running_mean", 1, size, TensorRole.State),
        new($"{name}.running_var", 1, size, TensorRole.State),
    ];

    /// <summary>Scale γ.</summary>
    public Parameter Gamma { get; }

    /// <summary>Shift β.</summary>
    public Parameter Beta { get; }

    /// <summary>Running mean used at inference.</summary>
    public Parameter RunningMean { get; }

    /// <summary>Running (unbiased) variance used at inference.</summary>
    public Parameter RunningVariance { get; }

    /// <summary>Weight of the newest batch in the running averages.</summary>
    public float Momentum { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    public int InputSize { get; }

    /// <inheritdoc />
    public int OutputSize => InputSize;

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> State { get; }

    /// <inheritdoc />
    public Matrix Forward(Matrix input, bool training)
    {
        int rows = input.Rows, size = InputSize;
        var normalized = Matrix.Ensure(ref _normalized, rows, size);
        var output = Matrix.Ensure(ref _output, rows, size);
        _usedBatchStatistics = training;
        if (training)
        {
            ComputeBatchStatistics(input);
        }
        else
        {
            for (int j = 0; j < size; j++)
            {
                _batchMean[j] = RunningMean.Value[j];
                _inverseStd[j] = 1f / MathF.Sqrt(RunningVariance.Value[j] + Epsilon);
            }
        }

        float[] gamma = Gamma.Value, beta = Beta.Value;
        for (int r = 0; r < rows; r++)
        {
            Span<float> x = input.Row(r), xHat = normalized.Row(r), y = output.Row(r);
            for (int j = 0; j < size; j++)
            {
                xHat[j] = (x[j] - _batchMean[j]) * _inverseStd[j];
                y[j] = (gamma[j] * xHat[j]) + beta[j];
            }
        }

        return output;
    }

    // ∂L/∂γ = Σ ∂L/∂y·x̂; ∂L/∂β = Σ ∂L/∂y
    // ∂L/∂x = γ/(σ·B) · (B·∂L/∂y − Σ∂L/∂y − x̂·Σ(∂L/∂y·x̂)) with batch statistics (they depend on x too),
    // ∂L/∂x = γ/σ · ∂L/∂y with running statistics (constants: the layer is then a per-feature affine map)
    /// <inheritdoc />
    public Matrix Backward(Matrix outputGradient)
    {
        var normalized = _normalized ?? throw new InvalidOperationException("Backward was called before Forward.");
        int rows = outputGradient.Rows, size = InputSize;
        float[] dGamma = Gamma.Gradient, dBeta = Beta.Gradient;
        Array.Clear(dGamma);
        Array.Clear(dBeta);
        for (int r = 0; r < rows; r++)
        {
            Span<float> dy = outputGradient.Row(r), xHat = normalized.Row(r);
            for (int j = 0; j < size; j++)
            {
                dBeta[j] += dy[j];
                dGamma[j] += dy[j] * xHat[j];
            }
        }

        var inputGradient = Matrix.Ensure(ref _inputGradient, rows, size);
        for (int r = 0; r < rows; r++)
        {
            Span<float> dy = outputGradient.Row(r), xHat = normalized.Row(r), dx = inputGradient.Row(r);
            for (int j = 0; j < size; j++)
            {
                if (_usedBatchStatistics)
                {
                    float scale = Gamma.Value[j] * _inverseStd[j] / rows;
                    dx[j] = scale * ((rows * dy[j]) - dBeta[j] - (xHat[j] * dGamma[j]));
                }
                else
                {
                    dx[j] = Gamma.Value[j] * _inverseStd[j] * dy[j];
                }
            }
        }

        return inputGradient;
    }

    private void ComputeBatchStatistics(Matrix input)
    {
        int rows = input.Rows;
        VectorMath.SumRows(input, _batchMean);
        for (int j = 0; j < InputSize; j++)
        {
            _batchMean[j] /= rows;
        }

        Span<float> variance = _inverseStd;
        variance.Clear();
        for (int r = 0; r < rows; r++)
        {
            Span<float> x = input.Row(r);
            for (int j = 0; j < InputSize; j++)
            {
                float centered = x[j] - _batchMean[j];
                variance[j] += centered * centered;
            }
        }

        for (int j = 0; j < InputSize; j++)
        {
            float biased = variance[j] / rows;
            float unbiased = rows > 1 ? variance[j] / (rows - 1) : biased;
            RunningMean.Value[j] = ((1f - Momentum) * RunningMean.Value[j]) + (Momentum * _batchMean[j]);
            RunningVariance.Value[j] = ((1f - Momentum) * RunningVariance.Value[j]) + (Momentum * unbiased);
            _inverseStd[j] = 1f / MathF.Sqrt(biased + Epsilon);
        }
    }
}
