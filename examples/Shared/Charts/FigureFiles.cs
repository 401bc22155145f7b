using ScottPlot;
using SkiaSharp;

namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>Writes a picture twice, as PNG (to look at) and SVG (to scale or edit), both drawn by ScottPlot.</summary>
public static class FigureFiles
{
    /// <summary>Writes <paramref name="plot"/> as <c>name.png</c> and <c>name.svg</c> in <paramref name="output"/>.</summary>
    /// <param name="plot">The chart.</param>
    /// <param name="output">The example's output folder, which records both files.</param>
    /// <param name="name">The file name without extension, such as "loss".</param>
    /// <param name="description">What the picture shows, for the closing summary.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static void Save(Plot plot, OutputFolder output, string name, string description, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        Save(canvas => plot.Render(canvas, width, height), output, name, description, width, height);
    }

    /// <summary>Writes whatever <paramref name="draw"/> paints on a canvas of the given size as <c>name.png</c> and <c>name.svg</c>.</summary>
    public static void Save(Action<SKCanvas> draw, OutputFolder output, string name, string description, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        WritePng(draw, output.File(name + ".png", description), width, height);
        WriteSvg(draw, output.File(name + ".svg", description + " (vector)"), width, height);
    }

    private static void WritePng(Action<SKCanvas> draw, string path, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }

    private static void WriteSvg(Action<SKCanvas> draw, string path, int width, int height)
    {
        using var file = File.Create(path);
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), file))
        {
            draw(canvas);
        }
    }
}
