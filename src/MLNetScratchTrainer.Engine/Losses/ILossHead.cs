using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Losses;

/// <summary>
/// The output activation fused with its loss: softmax + cross-entropy, sigmoid + binary cross-entropy,
/// identity + squared error. Fusing them gives the famously simple gradient ∂L/∂z = (prediction − target)/N.
/// </summary>
public interface ILossHead
{
    /// <summary>Network outputs (logits) per row.</summary>
    int Width { get; }

    /// <summary>Label values per row this head expects (1 class index, 1 binary label, or <see cref="Width"/> targets).</summary>
    int LabelWidth { get; }

    /// <summary>Turns logits into predictions (probabilities, or the values themselves) into <paramref name="predictions"/>.</summary>
    void Predict(Matrix logits, Matrix predictions);

    /// <summary>
    /// Computes the weighted mean loss Σᵢ wᵢ·Lᵢ / Σᵢ wᵢ of a batch and caches what <see cref="Backward"/> needs.
    /// </summary>
    /// <param name="logits">Network outputs, batch × <see cref="Width"/>.</param>
    /// <param name="labels">Labels, batch × <see cref="LabelWidth"/>.</param>
    /// <param name="weights">Per-row weights, or empty for weight 1 on every row.</param>
    double Loss(Matrix logits, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights);

    /// <summary>∂L/∂logits of the last <see cref="Loss"/> call.</summary>
    Matrix Backward();

    /// <summary>Checks that a label value is valid for this head; the message names the row.</summary>
    void ValidateLabel(float label, int row);
}
