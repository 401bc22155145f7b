using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// Runs a <see cref="Dense"/> layer on a batch of sparse rows, in time and memory proportional to their non-zeros:
/// Y = X·W + b with X a <see cref="SparseMatrix"/>. The backward pass writes only the rows of ∂L/∂W that the batch
/// touches (and records them in <see cref="Parameter.GradientRows"/>), after clearing the rows the previous batch
/// touched, so the rest of the gradient stays zero without ever being cleared as a whole. As the first layer of a
/// network it computes no ∂L/∂X: nothing consumes the gradient of the data.
/// </summary>
public sealed class SparseInput
{
    private readonly SparseGemm _gemm;
    private SparseMatrix? _input;
    private Matrix? _output;
    private int[] _touched = [];
    private int _touchedCount;

    /// <summary>Wraps <paramref name="layer"/>, whose parameters it reads and whose gradients it fills.</summary>
    public SparseInput(Dense layer, SparseGemm gemm)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(gemm);
        Layer = layer;
        _gemm = gemm;
    }

    /// <summary>The dense layer this input runs.</summary>
    public Dense Layer { get; }

    /// <summary>Computes X·W + b for the batch; the result stays valid until the next call.</summary>
    /// <exception cref="ArgumentException">The batch's column count is not the layer's input size.</exception>
    public Matrix Forward(SparseMatrix input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Columns != Layer.InputSize)
        {
            throw new ArgumentException($"The sparse batch has {input.Columns} columns but the layer expects {Layer.InputSize} inputs.", nameof(input));
        }

        _input = input;
        var output = Matrix.Ensure(ref _output, input.Rows, Layer.OutputSize);
        _gemm.Multiply(input, Layer.Weight.Value, output.Data, Layer.OutputSize, accumulate: false);
        VectorMath.AddToEachRow(output, Layer.Bias.Value);
        return output;
    }

    /// <summary>Given ∂L/∂Y of the last <see cref="Forward"/>, fills the touched rows of ∂L/∂W and all of ∂L/∂b.</summary>
    public void Backward(Matrix outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var input = _input ?? throw new InvalidOperationException("Backward was called before Forward.");
        int n = Layer.OutputSize;
        float[] gradient = Layer.Weight.Gradient;
        foreach (int row in _touched.AsSpan(0, _touchedCount))
        {
            gradient.AsSpan(row * n, n).Clear();
        }

        // ∂L/∂W = Xᵀ·∂L/∂Y, row p only where column p of X holds a value
        var touched = _gemm.MultiplyTransposed(input, outputGradient.Data, gradient, n, accumulate: false);
        if (_touched.Length < touched.Length)
        {
            _touched = new int[Math.Max(touched.Length, 2 * _touched.Length)];
        }

        touched.CopyTo(_touched);
        _touchedCount = touched.Length;
        Layer.Weight.GradientRows = _touched.AsMemory(0, _touchedCount);

        // ∂L/∂b = Σ_rows ∂L/∂Y
        VectorMath.SumRows(outputGradient, Layer.Bias.Gradient);
    }
}
