using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// The kind and item type of a column, the same whether it comes from a <see cref="SchemaShape"/> (an estimator's
/// <c>GetOutputSchema</c>) or from a <see cref="DataViewSchema"/> (<c>Fit</c>), so one check serves both.
/// As in <see cref="SchemaShape"/>, a key column has its raw type (such as UInt32) as item type.
/// </summary>
/// <param name="Kind">Scalar, known-size vector or variable-size vector.</param>
/// <param name="ItemType">The type of the scalar or of each vector item.</param>
/// <param name="IsKey">Whether the items are keys.</param>
internal readonly record struct ColumnShape(SchemaShape.Column.VectorKind Kind, DataViewType ItemType, bool IsKey)
{
    /// <summary>The shape of an estimator's column.</summary>
    public static ColumnShape Of(SchemaShape.Column column) => new(column.Kind, column.ItemType, column.IsKey);

    /// <summary>The shape of a data view's column.</summary>
    public static ColumnShape Of(DataViewSchema.Column column)
    {
        var type = column.Type;
        var kind = type is VectorDataViewType vector
            ? vector.IsKnownSize ? SchemaShape.Column.VectorKind.Vector : SchemaShape.Column.VectorKind.VariableVector
            : SchemaShape.Column.VectorKind.Scalar;
        var itemType = (type as VectorDataViewType)?.ItemType ?? type;
        return itemType is KeyDataViewType key
            ? new(kind, RawKeyType(key.RawType), true)
            : new(kind, itemType, false);
    }

    /// <summary>Whether this is a scalar of <paramref name="type"/> (not a key).</summary>
    public bool IsScalarOf(DataViewType type) => Kind == SchemaShape.Column.VectorKind.Scalar && !IsKey && ItemType == type;

    /// <summary>Describes the shape in messages, for example "Vector&lt;Single&gt; of variable size" or "Key&lt;UInt32&gt;".</summary>
    public override string ToString()
    {
        string item = IsKey ? $"Key<{ItemType}>" : $"{ItemType}";
        return Kind switch
        {
            SchemaShape.Column.VectorKind.Scalar => item,
            SchemaShape.Column.VectorKind.Vector => $"Vector<{item}> of known size",
            _ => $"Vector<{item}> of variable size",
        };
    }

    private static DataViewType RawKeyType(Type raw)
    {
        if (raw == typeof(byte))
        {
            return NumberDataViewType.Byte;
        }

        if (raw == typeof(ushort))
        {
            return NumberDataViewType.UInt16;
        }

        return raw == typeof(ulong) ? NumberDataViewType.UInt64 : NumberDataViewType.UInt32;
    }
}
