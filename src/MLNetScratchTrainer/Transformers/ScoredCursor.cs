using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Transformers;

/// <summary>A cursor over an Mlp transformer's output: moves the input cursor and reads through a <see cref="ScoredRow"/>.</summary>
internal sealed class ScoredCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly ScoredRow _row;

    /// <summary>Wraps <paramref name="input"/>, which this cursor owns and disposes.</summary>
    public ScoredCursor(SchemaBinding binding, DataViewRowCursor input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        _input = input;
        _row = binding.CreateRow(input, activeColumns);
    }

    /// <inheritdoc />
    public override DataViewSchema Schema => _row.Schema;

    /// <inheritdoc />
    public override long Position => _input.Position;

    /// <inheritdoc />
    public override long Batch => _input.Batch;

    /// <inheritdoc />
    public override bool MoveNext() => _input.MoveNext();

    /// <inheritdoc />
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    /// <inheritdoc />
    public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

    /// <inheritdoc />
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
        }

        base.Dispose(disposing);
    }
}
