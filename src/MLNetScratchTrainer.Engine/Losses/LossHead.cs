using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Losses;

/// <summary>
/// Shared plumbing of the heads: buffers, the per-row weights and their normaliser.
/// Each head supplies its per-row loss and the gradient of that loss.
/// </summary>
public abstract class LossHead : ILossHead
{
    private Matrix? _gradient;

    /// <summary>Creates a head with <paramref name="width"/> outputs.</summary>
    protected LossHead(int width, int labelWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Width = width;
        LabelWidth = labelWidth;
    }

    /// <inheritdoc />
    public int Width { get; }

    /// <inheritdoc />
    public int LabelWidth { get; }

    /// <inheritdoc />
    public abstract void Predict(Matrix logits, Matrix predictions);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Loss(Matrix logits, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights)
    {
        int rows = logits.Rows;
        var gradient = Matrix.Ensure(ref _gradient, rows, Width);
        double totalWeight = 0, totalLoss = 0;
        for (int r = 0; r < rows; r++)
        {
            totalWeight += weights.IsEmpty ? 1f : weights[r];
        }

        if (totalWeight <= 0)
        {
            gradient.Span.Clear();
            return 0;
        }

        float scale = (float)(1.0 / totalWeight);
        for (int r = 0; r < rows; r++)
        {
            float weight = weights.IsEmpty ? 1f : weights[r];
            Span<float> rowGradient = gradient.Row(r);
            totalLoss += weight * RowLoss(logits.Row(r), labels.Slice(r * LabelWidth, LabelWidth), rowGradient);
            float rowScale = weight * scale;
            for (int j = 0; j < rowGradient.Length; j++)
            {
                rowGradient[j] *= rowScale;
            }
        }

        return totalLoss / totalWeight;
    }

    /// <inheritdoc />
    public Matrix Backward() => _gradient ?? throw new InvalidOperationException("Backward was called before Loss.");

    /// <inheritdoc />
    public abstract void ValidateLabel(float label, int row);

    /// <summary>Returns the loss of one row and writes ∂loss/∂logits of that row into <paramref name="gradient"/>.</summary>
    protected abstract double RowLoss(ReadOnlySpan<float> logits, ReadOnlySpan<float> label, Span<float> gradient);
}
