using Microsoft.ML;

namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>Counts the rows of a data view.</summary>
public static class RowCount
{
    /// <summary>The data view's own count when it knows it, else the rows a cursor over no columns walks through.</summary>
    public static long Of(IDataView data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetRowCount() is long known)
        {
            return known;
        }

        long count = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            count++;
        }

        return count;
    }
}
