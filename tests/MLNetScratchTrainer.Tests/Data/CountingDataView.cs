using Microsoft.ML;

namespace MLNetScratchTrainer.Tests.Data;

/// <summary>A data view that counts the cursors opened on it.</summary>
internal sealed class CountingDataView(IDataView inner) : IDataView
{
    public int Cursors { get; private set; }

    public bool CanShuffle => inner.CanShuffle;

    public DataViewSchema Schema => inner.Schema;

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        Cursors++;
        return inner.GetRowCursor(columnsNeeded, rand);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        Cursors++;
        return inner.GetRowCursorSet(columnsNeeded, n, rand);
    }
}
