namespace MLNetScratchTrainer.Examples.Shared.Imaging;

/// <summary>How <see cref="ImageGrid"/> turns values into colours.</summary>
public enum ColorMap
{
    /// <summary>Lowest value black, highest white (for pixels and other non-negative values).</summary>
    Grayscale,

    /// <summary>Negative blue, zero white, positive red, scaled by the largest magnitude (for signed weights).</summary>
    Diverging,
}
