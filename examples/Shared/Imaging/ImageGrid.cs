namespace MLNetScratchTrainer.Examples.Shared.Imaging;

/// <summary>
/// Tiles many small float images (such as 28×28 weight images) into one picture: row by row, each tile enlarged
/// <see cref="Scale"/> times (nearest neighbour) and framed by a border, coloured through a <see cref="ColorMap"/>.
/// </summary>
public sealed class ImageGrid
{
    private readonly List<float[]> _tiles = [];

    /// <summary>Creates an empty grid.</summary>
    /// <param name="tileWidth">Values per tile row.</param>
    /// <param name="tileHeight">Rows per tile.</param>
    /// <param name="columns">Tiles per grid row.</param>
    public ImageGrid(int tileWidth, int tileHeight, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        TileWidth = tileWidth;
        TileHeight = tileHeight;
        Columns = columns;
    }

    /// <summary>Values per tile row.</summary>
    public int TileWidth { get; }

    /// <summary>Rows per tile.</summary>
    public int TileHeight { get; }

    /// <summary>Tiles per grid row.</summary>
    public int Columns { get; }

    /// <summary>Output pixels per tile value along each side.</summary>
    public int Scale { get; init; } = 4;

    /// <summary>Border width in output pixels, around and between tiles.</summary>
    public int Border { get; init; } = 2;

    /// <summary>Colour of the borders.</summary>
    public Rgb BorderColor { get; init; } = Rgb.Gray(64);

    /// <summary>How values become colours.</summary>
    public ColorMap ColorMap { get; init; } = ColorMap.Diverging;

    /// <summary>
    /// True (the default) scales each tile by its own range (its largest magnitude, or min/max for grayscale), which
    /// shows every tile's pattern; false uses one range for all tiles, which keeps their strengths comparable.
    /// </summary>
    public bool ScalePerTile { get; init; } = true;

    /// <summary>Adds a tile: <see cref="TileWidth"/> × <see cref="TileHeight"/> values, row-major.</summary>
    public void Add(ReadOnlySpan<float> tile)
    {
        if (tile.Length != TileWidth * TileHeight)
        {
            throw new ArgumentException($"A tile needs {TileWidth * TileHeight} values ({TileWidth}x{TileHeight}) but got {tile.Length}.", nameof(tile));
        }

        _tiles.Add(tile.ToArray());
    }

    /// <summary>
    /// Adds column <paramref name="column"/> of a row-major matrix with <paramref name="matrixColumns"/> columns as a tile;
    /// for a dense layer's fan-in × fan-out weights this is the image of one unit's incoming weights.
    /// </summary>
    public void AddColumn(ReadOnlySpan<float> matrix, int matrixColumns, int column)
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

        _tiles.Add(tile);
    }

    /// <summary>Draws the grid: RGB, or grayscale with <see cref="ColorMap.Grayscale"/>.</summary>
    /// <exception cref="InvalidOperationException">No tile was added.</exception>
    public RasterImage Render()
    {
        if (_tiles.Count == 0)
        {
            throw new InvalidOperationException("The image grid has no tiles.");
        }

        int rows = (_tiles.Count + Columns - 1) / Columns;
        int tileSide = TileWidth * Scale, tileRows = TileHeight * Scale;
        var image = new RasterImage(
            (Columns * tileSide) + ((Columns + 1) * Border),
            (rows * tileRows) + ((rows + 1) * Border),
            ColorMap == ColorMap.Grayscale ? 1 : 3);
        image.Fill(BorderColor);
        var shared = Range(_tiles);
        for (int t = 0; t < _tiles.Count; t++)
        {
            var (low, high) = ScalePerTile ? Range([_tiles[t]]) : shared;
            int left = Border + ((t % Columns) * (tileSide + Border));
            int top = Border + ((t / Columns) * (tileRows + Border));
            for (int i = 0; i < _tiles[t].Length; i++)
            {
                var color = ColorMaps.Map(ColorMap, Normalize(_tiles[t][i], low, high));
                int x0 = left + ((i % TileWidth) * Scale), y0 = top + ((i / TileWidth) * Scale);
                for (int dy = 0; dy < Scale; dy++)
                {
                    for (int dx = 0; dx < Scale; dx++)
                    {
                        image.Set(x0 + dx, y0 + dy, color);
                    }
                }
            }
        }

        return image;
    }

    /// <summary>Renders the grid and writes it as a PNG file.</summary>
    public void Save(string path) => PngWriter.Save(Render(), path);

    private (double Low, double High) Range(IEnumerable<float[]> tiles)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (float value in tiles.SelectMany(tile => tile).Where(float.IsFinite))
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        if (low > high)
        {
            return (0, 0);
        }

        return ColorMap == ColorMap.Diverging ? (0, Math.Max(Math.Abs(low), Math.Abs(high))) : (low, high);
    }

    private double Normalize(float value, double low, double high)
    {
        if (ColorMap == ColorMap.Diverging)
        {
            return high > 0 ? value / high : 0;
        }

        return high > low ? (value - low) / (high - low) : 0;
    }
}
