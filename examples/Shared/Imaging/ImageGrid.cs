using MLNetScratchTrainer.Examples.Shared.Charts;
using ScottPlot;

namespace MLNetScratchTrainer.Examples.Shared.Imaging;

/// <summary>
/// Tiles many small float images (such as 28×28 weight images) into one picture under a heading, each tile a
/// ScottPlot heatmap with its own caption, coloured through a <see cref="ColorMap"/>.
/// </summary>
public sealed class ImageGrid
{
    private static readonly IColormap Diverging = new ScottPlot.Colormaps.CustomInterpolated(
        [Color.FromHex("#2166ac"), Color.FromHex("#f7f7f7"), Color.FromHex("#b2182b")]);

    /// <summary>Pixels between a tile and its neighbours.</summary>
    private const int Gap = 6;

    /// <summary>Pixels above a tile for its caption.</summary>
    private const int CaptionHeight = 24;

    private readonly List<(string Caption, float[] Values)> _tiles = [];

    /// <summary>Creates an empty grid.</summary>
    /// <param name="title">The heading above the tiles.</param>
    /// <param name="tileWidth">Values per tile row.</param>
    /// <param name="tileHeight">Rows per tile.</param>
    /// <param name="columns">Tiles per grid row.</param>
    public ImageGrid(string title, int tileWidth, int tileHeight, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Title = title;
        TileWidth = tileWidth;
        TileHeight = tileHeight;
        Columns = columns;
    }

    /// <summary>The heading above the tiles.</summary>
    public string Title { get; }

    /// <summary>A smaller line under the heading, such as what the colours mean.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Values per tile row.</summary>
    public int TileWidth { get; }

    /// <summary>Rows per tile.</summary>
    public int TileHeight { get; }

    /// <summary>Tiles per grid row.</summary>
    public int Columns { get; }

    /// <summary>Picture pixels per tile value along each side.</summary>
    public int Scale { get; init; } = 4;

    /// <summary>How values become colours.</summary>
    public ColorMap ColorMap { get; init; } = ColorMap.Diverging;

    /// <summary>
    /// True (the default) scales each tile by its own range (its largest magnitude, or min/max for grayscale), which
    /// shows every tile's pattern; false uses one range for all tiles, which keeps their strengths comparable.
    /// </summary>
    public bool ScalePerTile { get; init; } = true;

    /// <summary>Number of tiles added.</summary>
    public int Count => _tiles.Count;

    /// <summary>Adds a tile: <see cref="TileWidth"/> × <see cref="TileHeight"/> values, row-major, with its caption.</summary>
    public void Add(string caption, ReadOnlySpan<float> tile)
    {
        if (tile.Length != TileWidth * TileHeight)
        {
            throw new ArgumentException($"A tile needs {TileWidth * TileHeight} values ({TileWidth}x{TileHeight}) but got {tile.Length}.", nameof(tile));
        }

        _tiles.Add((caption, tile.ToArray()));
    }

    /// <summary>
    /// Adds column <paramref name="column"/> of a row-major matrix with <paramref name="matrixColumns"/> columns as a tile;
    /// for a dense layer's fan-in × fan-out weights this is the image of one unit's incoming weights.
    /// </summary>
    public void AddColumn(string caption, ReadOnlySpan<float> matrix, int matrixColumns, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(matrixColumns);
        if (matrix.Length != TileWidth * TileHeight * matrixColumns)
        {
            throw new ArgumentException($"The matrix holds {matrix.Length} values; expected {TileWidth * TileHeight} rows of {matrixColumns}.", nameof(matrix));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, matrixColumns);
        var tile = new float[TileWidth * TileHeight];
        for (int i = 0; i < tile.Length; i++)
        {
            tile[i] = matrix[(i * matrixColumns) + column];
        }

        _tiles.Add((caption, tile));
    }

    /// <summary>
    /// The colour range of a tile: [−m, m] with m the largest magnitude for <see cref="ColorMap.Diverging"/> (so zero is
    /// white), [min, max] for <see cref="ColorMap.Grayscale"/>; over the tile alone or over all tiles (<see cref="ScalePerTile"/>).
    /// </summary>
    public (double Low, double High) ColorRange(int tile)
    {
        var values = ScalePerTile ? _tiles[tile].Values : _tiles.SelectMany(t => t.Values);
        var finite = values.Where(float.IsFinite).DefaultIfEmpty(0f).ToArray();
        double low = finite.Min(), high = finite.Max();
        if (ColorMap == ColorMap.Diverging)
        {
            double magnitude = Math.Max(Math.Abs(low), Math.Abs(high));
            return magnitude > 0 ? (-magnitude, magnitude) : (-1, 1);
        }

        return high > low ? (low, high) : (low, low + 1);
    }

    /// <summary>Lays the tiles out as heatmap plots without axes, each captioned.</summary>
    /// <exception cref="InvalidOperationException">No tile was added.</exception>
    public PlotGrid ToPlotGrid()
    {
        if (_tiles.Count == 0)
        {
            throw new InvalidOperationException($"The image grid '{Title}' has no tiles.");
        }

        var grid = new PlotGrid(Title, Columns, (TileWidth * Scale) + (2 * Gap), (TileHeight * Scale) + Gap + CaptionHeight) { Subtitle = Subtitle };
        for (int t = 0; t < _tiles.Count; t++)
        {
            var plot = grid.AddCell();
            var heatmap = plot.Add.Heatmap(ToRows(_tiles[t].Values));
            heatmap.Colormap = ColorMap == ColorMap.Grayscale ? new ScottPlot.Colormaps.Grayscale() : Diverging;
            var (low, high) = ColorRange(t);
            heatmap.ManualRange = new ScottPlot.Range(low, high);
            plot.Title(_tiles[t].Caption, size: 12);
            plot.HideAxesAndGrid();
            plot.Axes.Title.IsVisible = true;
            plot.Axes.Margins(0, 0);
            plot.Layout.Fixed(new PixelPadding(left: Gap, right: Gap, bottom: Gap, top: CaptionHeight));
        }

        return grid;
    }

    /// <summary>Writes the picture as <c>name.png</c> and <c>name.svg</c> in <paramref name="output"/>.</summary>
    public void Save(OutputFolder output, string name, string description) => ToPlotGrid().Save(output, name, description);

    private double[,] ToRows(float[] values)
    {
        var rows = new double[TileHeight, TileWidth];
        for (int i = 0; i < values.Length; i++)
        {
            rows[i / TileWidth, i % TileWidth] = values[i];
        }

        return rows;
    }
}
