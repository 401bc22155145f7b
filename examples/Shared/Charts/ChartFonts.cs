namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>
/// Makes every chart draw its text in DejaVu Sans, loaded from the font files shipped beside the examples
/// (Fonts/, with their licence). SkiaSharp's Linux build that ScottPlot brings reads no system font configuration,
/// and a fresh machine may have no fonts at all: without this, titles and labels would come out blank.
/// </summary>
public static class ChartFonts
{
    /// <summary>The family name every chart uses.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>Registers the shipped font with ScottPlot (once) and makes it the default; call before creating a plot.</summary>
    /// <exception cref="FileNotFoundException">The font files are missing from the program's folder.</exception>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
        ScottPlot.Fonts.AddFontFile(Family, FontFile(folder, "DejaVuSans.ttf"), bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, FontFile(folder, "DejaVuSans-Bold.ttf"), bold: true, italic: false);
        ScottPlot.Fonts.Default = Family;
        return true;
    }

    private static string FontFile(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The chart font '{path}' is missing: it is copied from examples/Shared/Fonts at build time.", path);
    }
}
