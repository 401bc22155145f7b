using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// A row over an Mlp transformer's output schema: input columns come from the wrapped row, added columns from the
/// network, computed once per row when first read.
/// </summary>
internal sealed class ScoredRow : DataViewRow
{
    private readonly SchemaBinding _binding;
    private readonly DataViewRow _input;
    private readonly Delegate?[] _getters;

    /// <summary>Wraps <paramref name="input"/>; <paramref name="getters"/> holds one getter per added column, null where inactive.</summary>
    public ScoredRow(SchemaBinding binding, DataViewRow input, Delegate?[] getters)
    {
        _binding = binding;
        _input = input;
        _getters = getters;
    }

    /// <inheritdoc />
    public override DataViewSchema Schema => _binding.OutputSchema;

    /// <inheritdoc />
    public override long Position => _input.Position;

    /// <inheritdoc />
    public override long Batch => _input.Batch;

    /// <inheritdoc />
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    /// <inheritdoc />
    public override bool IsColumnActive(DataViewSchema.Column column)
        => _binding.IsAdded(column) ? Added(column) is not null : _input.IsColumnActive(_input.Schema[column.Index]);

    /// <inheritdoc />
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_binding.IsAdded(column))
        {
            return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        }

        var getter = Added(column) ?? throw new InvalidOperationException($"Column '{column.Name}' was not requested when this row or cursor was created.");
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; it cannot be read as {typeof(TValue).Name}.");
    }

    private Delegate? Added(DataViewSchema.Column column)
    {
        int index = column.Index - _binding.InputSchema.Count;
        return index < _getters.Length ? _getters[index] : throw new ArgumentOutOfRangeException(nameof(column), $"Column index {column.Index} is outside the schema.");
    }
}
