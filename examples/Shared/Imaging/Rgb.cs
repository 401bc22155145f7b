namespace MLNetScratchTrainer.Examples.Shared.Imaging;

/// <summary>An 8-bit red, green, blue colour.</summary>
public readonly record struct Rgb(byte Red, byte Green, byte Blue)
{
    /// <summary>A gray level (the three components equal).</summary>
    public static Rgb Gray(byte level) => new(level, level, level);
}
