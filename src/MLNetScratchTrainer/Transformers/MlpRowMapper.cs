using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// Row-to-row form of an Mlp transformer, used by <c>PredictionEngine</c> and by transformer chains: maps one input row
/// to a row with the added columns.
/// </summary>
internal sealed class MlpRowMapper : IRowToRowMapper
{
    private readonly SchemaBinding _binding;

    /// <summary>Creates the mapper of a binding.</summary>
    public MlpRowMapper(SchemaBinding binding) => _binding = binding;

    /// <inheritdoc />
    public DataViewSchema InputSchema => _binding.InputSchema;

    /// <inheritdoc />
    public DataViewSchema OutputSchema => _binding.OutputSchema;

    /// <inheritdoc />
    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
        => _binding.GetDependencies(dependingColumns);

    /// <inheritdoc />
    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(activeColumns);
        return _binding.CreateRow(input, activeColumns);
    }
}
