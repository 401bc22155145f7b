using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// An Mlp transformer bound to one input schema: the validated feature column, the output schema (every input column,
/// then the added columns, which hide input columns of the same name) and the rows that compute the added columns.
/// </summary>
internal sealed class SchemaBinding
{
    private readonly MlpTransformerBase _transformer;
    private readonly IReadOnlyList<OutputColumn> _outputs;

    /// <summary>Binds <paramref name="transformer"/> to <paramref name="inputSchema"/>.</summary>
    /// <exception cref="ArgumentException">The feature column is missing, is not a vector of Single, or has the wrong size.</exception>
    public SchemaBinding(MlpTransformerBase transformer, DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        _transformer = transformer;
        InputSchema = inputSchema;
        FeatureColumn = FindFeatureColumn(transformer, inputSchema);
        _outputs = transformer.CreateOutputColumns(inputSchema);

        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        foreach (var output in _outputs)
        {
            builder.AddColumn(output.Name, output.Type, output.Annotations);
        }

        OutputSchema = builder.ToSchema();
    }

    /// <summary>The schema this binding reads.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The input columns followed by the added ones.</summary>
    public DataViewSchema OutputSchema { get; }

    /// <summary>The feature column of the input schema.</summary>
    public DataViewSchema.Column FeatureColumn { get; }

    /// <summary>Whether <paramref name="column"/> of the output schema is one of the added columns.</summary>
    public bool IsAdded(DataViewSchema.Column column) => column.Index >= InputSchema.Count;

    /// <summary>The input columns needed to compute <paramref name="outputColumns"/>.</summary>
    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> outputColumns)
    {
        var needed = new HashSet<int>();
        foreach (var column in outputColumns)
        {
            needed.Add(IsAdded(column) ? FeatureColumn.Index : column.Index);
        }

        return InputSchema.Where(column => needed.Contains(column.Index));
    }

    /// <summary>A row over <see cref="OutputSchema"/> that wraps <paramref name="input"/> (a row or cursor over <see cref="InputSchema"/>).</summary>
    public ScoredRow CreateRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        var active = new bool[_outputs.Count];
        foreach (var column in activeColumns.Where(IsAdded))
        {
            active[column.Index - InputSchema.Count] = true;
        }

        Delegate?[] getters = new Delegate?[_outputs.Count];
        if (active.Any(a => a))
        {
            var scorer = new RowScorer(input, input.Schema[FeatureColumn.Index], _transformer.Model, _transformer.ScoresFromLogits);
            for (int i = 0; i < getters.Length; i++)
            {
                getters[i] = active[i] ? _outputs[i].CreateGetter(scorer) : null;
            }
        }

        return new ScoredRow(this, input, getters);
    }

    private static DataViewSchema.Column FindFeatureColumn(MlpTransformerBase transformer, DataViewSchema schema)
    {
        string name = transformer.FeatureColumnName;
        int size = transformer.Model.InputSize;
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"The input has no column '{name}'; the Mlp model reads its {size} features from it (a vector of Single). The input has: {string.Join(", ", schema.Select(c => c.Name))}.", nameof(schema));
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType itemType } vector || itemType != NumberDataViewType.Single)
        {
            throw new ArgumentException($"Column '{name}' has type {column.Type}; the Mlp model expects a vector of {size} Single values.", nameof(schema));
        }

        if (vector.IsKnownSize && vector.Size != size)
        {
            throw new ArgumentException($"Column '{name}' holds {vector.Size} features per row but the Mlp model was trained on {size}.", nameof(schema));
        }

        return column;
    }
}
