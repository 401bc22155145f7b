using System.Text;

namespace MLNetScratchTrainer.Examples.Shared.Reporting;

/// <summary>
/// A table of text cells: a header row and rows of cells, the first column left-aligned and the others right-aligned,
/// written for the console or as Markdown.
/// </summary>
public sealed class TextTable
{
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

    /// <summary>The table as text, a line per row, columns separated by two spaces, header underlined.</summary>
    public override string ToString()
    {
        int[] widths = [.. _headers.Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Max())];
        var text = new StringBuilder();
        AppendRow(text, _headers, widths);
        AppendRow(text, [.. widths.Select(width => new string('-', width))], widths);
        foreach (var row in _rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    /// <summary>The table in Markdown (GitHub's pipe tables), a line per row, with the same alignment; pipes in cells are escaped.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        AppendMarkdownRow(text, _headers);
        AppendMarkdownRow(text, [.. _headers.Select((_, column) => column == 0 ? "---" : "---:")]);
        foreach (var row in _rows)
        {
            AppendMarkdownRow(text, row);
        }

        return text.ToString();
    }

    /// <summary>Writes the table.</summary>
    public void Write(TextWriter writer) => writer.Write(ToString());

    private static void AppendMarkdownRow(StringBuilder text, string[] cells)
        => text.Append("| ").AppendJoin(" | ", cells.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (int column = 0; column < cells.Length; column++)
        {
            if (column > 0)
            {
                text.Append("  ");
            }

            text.Append(column == 0 ? cells[column].PadRight(widths[column]) : cells[column].PadLeft(widths[column]));
        }

        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        text.Append('\n');
    }
}
