namespace MLNetScratchTrainer.Examples.Shared.Imaging;

/// <summary>The colours of each <see cref="ColorMap"/>.</summary>
public static class ColorMaps
{
    private static readonly Rgb Negative = new(33, 102, 172);
    private static readonly Rgb Zero = new(247, 247, 247);
    private static readonly Rgb Positive = new(178, 24, 43);

    /// <summary>
    /// The colour of a normalised value: <paramref name="t"/> in [0, 1] for <see cref="ColorMap.Grayscale"/>,
    /// in [−1, 1] for <see cref="ColorMap.Diverging"/>; values beyond are clamped.
    /// </summary>
    public static Rgb Map(ColorMap map, double t) => map switch
    {
        ColorMap.Grayscale => Rgb.Gray(ToByte(255 * Math.Clamp(t, 0, 1))),
        ColorMap.Diverging => t < 0 ? Blend(Zero, Negative, Math.Min(1, -t)) : Blend(Zero, Positive, Math.Min(1, t)),
        _ => throw new ArgumentOutOfRangeException(nameof(map), map, "Unknown colour map."),
    };

    private static Rgb Blend(Rgb from, Rgb to, double amount) => new(
        ToByte(from.Red + ((to.Red - from.Red) * amount)),
        ToByte(from.Green + ((to.Green - from.Green) * amount)),
        ToByte(from.Blue + ((to.Blue - from.Blue) * amount)));

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(double.IsNaN(value) ? 0 : value), 0, 255);
}
