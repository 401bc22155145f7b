using Microsoft.ML;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// The lazy result of an Mlp transformer's <c>Transform</c>: the input data view plus the added columns, computed
/// row by row while a cursor moves. Parallel cursor sets get one network copy per cursor.
/// </summary>
internal sealed class ScoredDataView : IDataView
{
    private readonly IDataView _source;
    private readonly SchemaBinding _binding;

    /// <summary>Wraps <paramref name="source"/>, whose schema <paramref name="binding"/> was made for.</summary>
    public ScoredDataView(IDataView source, SchemaBinding binding)
    {
        _source = source;
        _binding = binding;
    }

    /// <inheritdoc />
    public bool CanShuffle => _source.CanShuffle;

    /// <inheritdoc />
    public DataViewSchema Schema => _binding.OutputSchema;

    /// <inheritdoc />
    public long? GetRowCount() => _source.GetRowCount();

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToList();
        return new ScoredCursor(_binding, _source.GetRowCursor(_binding.GetDependencies(needed), rand), needed);
    }

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var needed = columnsNeeded.ToList();
        return [.. _source.GetRowCursorSet(_binding.GetDependencies(needed), n, rand).Select(cursor => new ScoredCursor(_binding, cursor, needed))];
    }
}
