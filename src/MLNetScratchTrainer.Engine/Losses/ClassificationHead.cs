namespace MLNetScratchTrainer.Engine.Losses;

/// <summary>
/// A head whose targets are classes: it can train against smoothed targets. Label smoothing ε replaces the one-hot
/// target of K classes by (1 − ε)·one-hot + ε/K (the binary head's K is 2: a label y becomes (1 − ε)·y + ε/2), so the
/// loss no longer rewards ever larger logits on rows that are already right, which acts as a regulariser
/// (Szegedy et al. 2016; RealMLP-TD uses ε = 0.1). Predictions are unchanged; only the loss and its gradient see ε.
/// </summary>
public abstract class ClassificationHead(int width, int labelWidth) : LossHead(width, labelWidth)
{
    private float _labelSmoothing;

    /// <summary>The smoothing ε in [0, 1); 0 (the default of a new head) trains against the labels as they are.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1).</exception>
    public float LabelSmoothing
    {
        get => _labelSmoothing;
        set
        {
            if (!(value >= 0f && value < 1f))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Label smoothing must be in [0, 1).");
            }

            _labelSmoothing = value;
        }
    }
}
