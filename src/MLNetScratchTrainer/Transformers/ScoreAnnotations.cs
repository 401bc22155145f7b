using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Interop;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// The annotations ML.NET's own scorers put on the columns they add, so that tools which look for scores by annotation
/// (rather than by name) find the Mlp's: <c>ScoreColumnSetId</c> (one id per scorer in a pipeline),
/// <c>ScoreColumnKind</c> (the task) and <c>ScoreValueKind</c> (Score, PredictedLabel or Probability).
/// </summary>
internal static class ScoreAnnotations
{
    /// <summary>Annotation naming the task that produced a score column.</summary>
    public const string ColumnKind = "ScoreColumnKind";

    /// <summary>Annotation naming what a score column holds.</summary>
    public const string ValueKind = "ScoreValueKind";

    /// <summary>Annotation grouping the columns one scorer added.</summary>
    public const string ColumnSetId = "ScoreColumnSetId";

    /// <summary>Annotation naming the slots of a vector column.</summary>
    public const string SlotNames = "SlotNames";

    /// <summary><see cref="ValueKind"/> of a score.</summary>
    public const string Score = "Score";

    /// <summary><see cref="ValueKind"/> of a predicted label.</summary>
    public const string PredictedLabel = "PredictedLabel";

    /// <summary><see cref="ValueKind"/> of a probability.</summary>
    public const string Probability = "Probability";

    /// <summary>Type of <see cref="ColumnSetId"/>, as in ML.NET.</summary>
    private static readonly KeyDataViewType ColumnSetIdType = new(typeof(uint), int.MaxValue);

    /// <summary>
    /// The annotations of one added column: <paramref name="extra"/> (slot names or key values) followed by the set id,
    /// which is one more than the largest set id already in <paramref name="inputSchema"/>.
    /// </summary>
    public static DataViewSchema.Annotations Create(DataViewSchema inputSchema, string columnKind, string valueKind, Action<DataViewSchema.Annotations.Builder>? extra = null)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        extra?.Invoke(builder);
        uint setId = NextColumnSetId(inputSchema);
        builder.Add(ColumnSetId, ColumnSetIdType, (ref uint value) => value = setId);
        builder.Add(ColumnKind, TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = columnKind.AsMemory());
        builder.Add(ValueKind, TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = valueKind.AsMemory());
        return builder.ToAnnotations();
    }

    /// <summary>The shape of the annotations <see cref="Create"/> makes, for an estimator's output schema.</summary>
    public static SchemaShape Shape(params SchemaShape.Column[] extra)
        => new([
            .. extra,
            MlNetInternals.CreateColumnShape(ColumnSetId, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, isKey: true),
            MlNetInternals.CreateColumnShape(ColumnKind, SchemaShape.Column.VectorKind.Scalar, TextDataViewType.Instance, isKey: false),
            MlNetInternals.CreateColumnShape(ValueKind, SchemaShape.Column.VectorKind.Scalar, TextDataViewType.Instance, isKey: false),
        ]);

    private static uint NextColumnSetId(DataViewSchema schema)
    {
        uint max = 0;
        foreach (var column in schema)
        {
            if (column.Annotations.Schema.GetColumnOrNull(ColumnSetId)?.Type is KeyDataViewType { RawType: var raw } && raw == typeof(uint))
            {
                uint id = 0;
                column.Annotations.GetValue(ColumnSetId, ref id);
                max = Math.Max(max, id);
            }
        }

        return max + 1;
    }
}
