using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Losses;

/// <summary>
/// One logit through a sigmoid with binary cross-entropy, for two-class problems. Labels are 0 or 1
/// (any value in [0, 1] is accepted as a soft target). L = max(z, 0) − z·y + log(1 + e^(−|z|)), stable for any z, where
/// y is the label or, with <see cref="ClassificationHead.LabelSmoothing"/> ε, (1 − ε)·label + ε/2.
/// </summary>
public sealed class SigmoidBinaryCrossEntropy() : ClassificationHead(1, 1)
{
    /// <inheritdoc />
    public override void Predict(Matrix logits, Matrix predictions)
    {
        for (int r = 0; r < logits.Rows; r++)
        {
            predictions[r, 0] = Sigmoid.Function(logits[r, 0]);
        }
    }

    /// <inheritdoc />
    public override void ValidateLabel(float label, int row)
    {
        if (!(label >= 0f && label <= 1f))
        {
            throw new ArgumentException($"The label of row {row} is {label}; expected 0 or 1 (or a probability in between) for binary classification.");
        }
    }

    // ∂L/∂z = σ(z) − y
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override double RowLoss(ReadOnlySpan<float> logits, ReadOnlySpan<float> label, Span<float> gradient)
    {
        float target = ((1f - LabelSmoothing) * label[0]) + (LabelSmoothing / 2f);
        double z = logits[0], y = target;
        gradient[0] = Sigmoid.Function(logits[0]) - target;
        return Math.Max(z, 0) - (z * y) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
    }
}
