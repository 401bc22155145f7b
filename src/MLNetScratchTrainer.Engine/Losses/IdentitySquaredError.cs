using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Losses;

/// <summary>
/// Identity output with squared error, for regression: L = ½ Σⱼ (zⱼ − tⱼ)² per row
/// (the ½ makes the gradient exactly the residual, as in scikit-learn's MLPRegressor).
/// </summary>
public sealed class IdentitySquaredError(int outputCount) : LossHead(outputCount, outputCount)
{
    /// <inheritdoc />
    public override void Predict(Matrix logits, Matrix predictions) => logits.Span.CopyTo(predictions.Span);

    /// <inheritdoc />
    public override void ValidateLabel(float label, int row)
    {
        if (!float.IsFinite(label))
        {
            throw new ArgumentException($"The regression target of row {row} is {label}; expected a finite number.");
        }
    }

    // ∂L/∂zⱼ = zⱼ − tⱼ
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override double RowLoss(ReadOnlySpan<float> logits, ReadOnlySpan<float> label, Span<float> gradient)
    {
        double loss = 0;
        for (int j = 0; j < logits.Length; j++)
        {
            gradient[j] = logits[j] - label[j];
            loss += 0.5 * gradient[j] * gradient[j];
        }

        return loss;
    }
}
