using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Losses;

/// <summary>
/// Softmax over K classes with cross-entropy loss, for multiclass classification.
/// Labels are class indices 0 … K−1. L = log Σⱼ e^(zⱼ) − z_y, computed with the log-sum-exp shift.
/// </summary>
public sealed class SoftmaxCrossEntropy(int classCount) : LossHead(classCount, 1)
{
    /// <summary>Softmax of one row, shifted by its maximum so no exponent overflows; returns log Σⱼ e^(zⱼ).</summary>
    public static float Softmax(ReadOnlySpan<float> logits, Span<float> probabilities)
    {
        float max = float.NegativeInfinity;
        foreach (float z in logits)
        {
            max = MathF.Max(max, z);
        }

        float sum = 0f;
        for (int j = 0; j < logits.Length; j++)
        {
            probabilities[j] = MathF.Exp(logits[j] - max);
            sum += probabilities[j];
        }

        float inverse = 1f / sum;
        for (int j = 0; j < logits.Length; j++)
        {
            probabilities[j] *= inverse;
        }

        return max + MathF.Log(sum);
    }

    /// <inheritdoc />
    public override void Predict(Matrix logits, Matrix predictions)
    {
        for (int r = 0; r < logits.Rows; r++)
        {
            Softmax(logits.Row(r), predictions.Row(r));
        }
    }

    /// <inheritdoc />
    public override void ValidateLabel(float label, int row)
    {
        if (!(label >= 0 && label < Width && label == MathF.Floor(label)))
        {
            throw new ArgumentException($"The label of row {row} is {label}; expected a class index, a whole number from 0 to {Width - 1}.");
        }
    }

    // ∂L/∂zⱼ = softmax(z)ⱼ − [j = y]
    /// <inheritdoc />
    protected override double RowLoss(ReadOnlySpan<float> logits, ReadOnlySpan<float> label, Span<float> gradient)
    {
        int target = (int)label[0];
        float logSumExp = Softmax(logits, gradient);
        gradient[target] -= 1f;
        return logSumExp - logits[target];
    }
}
