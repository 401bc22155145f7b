using Spectre.Console;
using Spectre.Console.Rendering;

namespace MLNetScratchTrainer.Examples.Shared.Reporting;

/// <summary>
/// A table of text cells, the first column left-aligned and the others right-aligned, drawn by Spectre.Console: with
/// rounded borders on a terminal, as plain ASCII when the output is redirected (as in CI logs), or as Markdown.
/// </summary>
public sealed class TextTable
{
    private const int UnlimitedWidth = 1000;

    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table with these column headers.</summary>
    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Length == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(headers));
        }

        _headers = headers;
    }

    /// <summary>Adds a row; it must have one cell per column.</summary>
    public void AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"The table has {_headers.Length} columns but the row has {cells.Length} cells.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table to the console (<see cref="AnsiConsole"/>), or to <paramref name="console"/>.</summary>
    public void Write(IAnsiConsole? console = null)
    {
        var target = console ?? AnsiConsole.Console;
        target.Write(ToSpectreTable(target.Profile.Capabilities.Ansi ? TableBorder.Rounded : TableBorder.Ascii, escapePipes: false));
    }

    /// <summary>The table in Markdown (GitHub's pipe tables), a line per row, with the same alignment; pipes in cells are escaped.</summary>
    public string ToMarkdown() => Render(TableBorder.Markdown, escapePipes: true);

    /// <summary>The table as plain text with ASCII borders, as written to a log or a text file.</summary>
    public override string ToString() => Render(TableBorder.Ascii, escapePipes: false);

    /// <summary>The table as a Spectre.Console renderable: cells are plain text, never markup.</summary>
    public Table ToSpectreTable(TableBorder border, bool escapePipes)
    {
        ArgumentNullException.ThrowIfNull(border);
        string Cell(string text) => escapePipes ? text.Replace("|", "\\|", StringComparison.Ordinal) : text;
        var table = new Table { Border = border };
        for (int column = 0; column < _headers.Length; column++)
        {
            var header = new TableColumn(new Text(Cell(_headers[column])));
            table.AddColumn(column == 0 ? header.LeftAligned() : header.RightAligned());
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(Cell(cell))));
        }

        return table;
    }

    /// <summary>Renders the table to a string, without colours or escape codes, as wide as its content needs.</summary>
    private string Render(TableBorder border, bool escapePipes)
    {
        var text = new StringWriter();
        PlainConsole.Create(text, UnlimitedWidth).Write(ToSpectreTable(border, escapePipes));
        return string.Join('\n', text.ToString().Split('\n').Select(line => line.TrimEnd())).Trim('\n') + "\n";
    }
}
