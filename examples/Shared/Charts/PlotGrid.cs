using ScottPlot;
using SkiaSharp;

namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>
/// Several small ScottPlot plots in one picture, filled row by row under a heading (for example one histogram per
/// layer and initialisation, or one weight image per unit): the cells are laid out by ScottPlot's
/// <see cref="Multiplot"/> grid, the heading is drawn above them in the charts' font.
/// </summary>
public sealed class PlotGrid
{
    private readonly List<Plot> _cells = [];

    /// <summary>Creates an empty grid.</summary>
    /// <param name="title">The heading above the grid.</param>
    /// <param name="columns">Plots per row.</param>
    /// <param name="cellWidth">Width of one plot in pixels.</param>
    /// <param name="cellHeight">Height of one plot in pixels.</param>
    public PlotGrid(string title, int columns, int cellWidth, int cellHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellHeight);
        Title = title;
        Columns = columns;
        CellWidth = cellWidth;
        CellHeight = cellHeight;
    }

    /// <summary>The heading above the grid.</summary>
    public string Title { get; }

    /// <summary>A smaller line under the heading, such as how the cells are scaled.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Plots per row.</summary>
    public int Columns { get; }

    /// <summary>Width of one plot in pixels.</summary>
    public int CellWidth { get; }

    /// <summary>Height of one plot in pixels.</summary>
    public int CellHeight { get; }

    /// <summary>Height of the heading strip in pixels.</summary>
    public int HeadingHeight => Subtitle is null ? 44 : 64;

    /// <summary>Rows of plots.</summary>
    public int Rows => (_cells.Count + Columns - 1) / Columns;

    /// <summary>Width of the whole picture in pixels.</summary>
    public int Width => Columns * CellWidth;

    /// <summary>Height of the whole picture in pixels.</summary>
    public int Height => HeadingHeight + (Rows * CellHeight);

    /// <summary>The plots added so far, in order.</summary>
    public IReadOnlyList<Plot> Cells => _cells;

    /// <summary>Adds the next cell (left to right, then the next row) and returns it to draw on.</summary>
    public Plot AddCell()
    {
        var plot = Charting.NewPlot();
        _cells.Add(plot);
        return plot;
    }

    /// <summary>Draws the heading and the cells on <paramref name="canvas"/>, which is <see cref="Width"/> × <see cref="Height"/>.</summary>
    /// <exception cref="InvalidOperationException">The grid has no cell.</exception>
    public void Render(SKCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (_cells.Count == 0)
        {
            throw new InvalidOperationException($"The picture '{Title}' has no plot.");
        }

        canvas.Clear(SKColors.White);

        var grid = new Multiplot { Layout = new ScottPlot.MultiplotLayouts.Grid(Rows, Columns) };
        foreach (var empty in grid.GetPlots())
        {
            grid.RemovePlot(empty);
        }

        foreach (var cell in _cells)
        {
            grid.AddPlot(cell);
        }

        // The multiplot fills the rectangle's size from the canvas origin, so the origin is moved below the heading.
        canvas.Save();
        canvas.Translate(0, HeadingHeight);
        grid.Render(canvas, new PixelRect(0, Width, Height - HeadingHeight, 0));
        canvas.Restore();

        // Last: rendering the multiplot clears the canvas.
        DrawHeading(canvas);
    }

    private void DrawHeading(SKCanvas canvas)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var titleFont = new SKFont(Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false), 18);
        canvas.DrawText(Title, Width / 2f, 30, SKTextAlign.Center, titleFont, ink);
        if (Subtitle is not null)
        {
            using var subtitleFont = new SKFont(Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false), 13);
            canvas.DrawText(Subtitle, Width / 2f, 52, SKTextAlign.Center, subtitleFont, ink);
        }
    }

    /// <summary>Writes the picture as <c>name.png</c> and <c>name.svg</c> in <paramref name="output"/>.</summary>
    public void Save(OutputFolder output, string name, string description) =>
        FigureFiles.Save(Render, output, name, description, Width, Height);
}
