using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Losses;

/// <summary>
/// Softmax over K classes with cross-entropy loss, for multiclass classification.
/// Labels are class indices 0 … K−1. L = log Σⱼ e^(zⱼ) − Σⱼ qⱼ·zⱼ with the target distribution q (one-hot on the
/// label, or smoothed: see <see cref="ClassificationHead.LabelSmoothing"/>), computed with the log-sum-exp shift.
/// </summary>
public sealed class SoftmaxCrossEntropy(int classCount) : ClassificationHead(classCount, 1)
{
    /// <summary>Softmax of one row, shifted by its maximum so no exponent overflows; returns log Σⱼ e^(zⱼ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    // qⱼ = (1 − ε)·[j = y] + ε/K; since Σⱼ qⱼ = 1, L = log Σⱼ e^(zⱼ) − Σⱼ qⱼ·zⱼ and ∂L/∂zⱼ = softmax(z)ⱼ − qⱼ
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override double RowLoss(ReadOnlySpan<float> logits, ReadOnlySpan<float> label, Span<float> gradient)
    {
        int target = (int)label[0];
        float logSumExp = Softmax(logits, gradient);
        float spread = LabelSmoothing / logits.Length;
        double targetLogit = 0;
        if (spread > 0f)
        {
            for (int j = 0; j < logits.Length; j++)
            {
                gradient[j] -= spread;
                targetLogit += spread * logits[j];
            }
        }

        float onTarget = 1f - LabelSmoothing;
        gradient[target] -= onTarget;
        targetLogit += onTarget * logits[target];
        return logSumExp - targetLogit;
    }
}
