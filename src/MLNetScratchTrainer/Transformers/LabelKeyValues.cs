using System.Globalization;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Persistence;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// The values behind a key-typed label (the column's <c>KeyValues</c> annotation, as made by <c>MapValueToKey</c>), kept by a
/// multiclass transformer so that its <c>PredictedLabel</c> carries them and <c>MapKeyToValue</c> restores the original labels,
/// also after a save and load. Text, Boolean and every numeric type are supported.
/// </summary>
internal sealed class LabelKeyValues
{
    /// <summary>Name of ML.NET's key-values annotation.</summary>
    public const string AnnotationName = "KeyValues";

    private const int MaxCount = 1 << 24;

    /// <summary>The item types that can be saved; a type's index is its code in the file.</summary>
    private static readonly PrimitiveDataViewType[] SupportedTypes =
    [
        TextDataViewType.Instance, BooleanDataViewType.Instance,
        NumberDataViewType.SByte, NumberDataViewType.Byte, NumberDataViewType.Int16, NumberDataViewType.UInt16,
        NumberDataViewType.Int32, NumberDataViewType.UInt32, NumberDataViewType.Int64, NumberDataViewType.UInt64,
        NumberDataViewType.Single, NumberDataViewType.Double,
    ];

    private readonly Array _values;

    private LabelKeyValues(PrimitiveDataViewType itemType, Array values)
    {
        ItemType = itemType;
        _values = values;
    }

    /// <summary>Type of each value, such as Text or Single.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>Number of values: the label's key count.</summary>
    public int Count => _values.Length;

    /// <summary>
    /// Reads the key values of a label column, or returns null when it has none.
    /// </summary>
    /// <exception cref="ArgumentException">The values are of a type this plugin cannot save, or their count is not the key count.</exception>
    public static LabelKeyValues? FromColumn(DataViewSchema.Column label, int keyCount)
    {
        var type = label.Annotations.Schema.GetColumnOrNull(AnnotationName)?.Type;
        if (type is null)
        {
            return null;
        }

        if (type is not VectorDataViewType { ItemType: PrimitiveDataViewType itemType } vector || vector.Size != keyCount || !SupportedTypes.Contains(itemType))
        {
            throw new ArgumentException(
                $"The key values of label column '{label.Name}' have type {type}; expected a vector of {keyCount} values of one of: {string.Join(", ", SupportedTypes.Select(t => t.ToString()))}.");
        }

        var values = (Array)Generic(nameof(ReadAnnotation), itemType).Invoke(null, [label.Annotations])!;
        return new LabelKeyValues(itemType, values);
    }

    /// <summary>The class indices 0 … <paramref name="count"/> − 1 as Single values, for a label given as class indices.</summary>
    public static LabelKeyValues ClassIndices(int count) => new(NumberDataViewType.Single, Enumerable.Range(0, count).Select(index => (float)index).ToArray());

    /// <summary>Reads key values written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes do not describe valid key values.</exception>
    public static LabelKeyValues Read(BinaryReader reader, string source)
    {
        int code = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (code < 0 || code >= SupportedTypes.Length || count < 2 || count > MaxCount)
        {
            throw TransformerPayload.Invalid(source, $"its label key values are damaged (type code {code}, count {count})");
        }

        var itemType = SupportedTypes[code];
        if (itemType is TextDataViewType)
        {
            var text = new ReadOnlyMemory<char>[count];
            for (int i = 0; i < count; i++)
            {
                text[i] = reader.ReadString().AsMemory();
            }

            return new LabelKeyValues(itemType, text);
        }

        var values = Array.CreateInstance(itemType.RawType, count);
        int bytes = Buffer.ByteLength(values);
        byte[] raw = reader.ReadBytes(bytes);
        if (raw.Length != bytes)
        {
            throw new EndOfStreamException($"{bytes} bytes of label key values were expected but {raw.Length} remain.");
        }

        Buffer.BlockCopy(raw, 0, values, 0, bytes);
        return new LabelKeyValues(itemType, values);
    }

    /// <summary>Writes the type code, the count and the values (strings, or the raw little-endian values).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Array.IndexOf(SupportedTypes, ItemType));
        writer.Write(Count);
        if (_values is ReadOnlyMemory<char>[] text)
        {
            foreach (var value in text)
            {
                writer.Write(value.ToString());
            }

            return;
        }

        var raw = new byte[Buffer.ByteLength(_values)];
        Buffer.BlockCopy(_values, 0, raw, 0, raw.Length);
        writer.Write(raw);
    }

    /// <summary>Adds the values as the <c>KeyValues</c> annotation of a column.</summary>
    public void AddTo(DataViewSchema.Annotations.Builder builder)
        => Generic(nameof(AddAnnotation), ItemType).Invoke(null, [builder, ItemType, _values]);

    /// <summary>The values as text, for the <c>SlotNames</c> of a score vector (numbers in invariant culture).</summary>
    public ReadOnlyMemory<char>[] ToText()
        => _values is ReadOnlyMemory<char>[] text
            ? text
            : [.. _values.Cast<object>().Select(value => Convert.ToString(value, CultureInfo.InvariantCulture).AsMemory())];

    private static MethodInfo Generic(string name, PrimitiveDataViewType itemType)
        => typeof(LabelKeyValues).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(itemType.RawType);

    private static T[] ReadAnnotation<T>(DataViewSchema.Annotations annotations)
    {
        VBuffer<T> buffer = default;
        annotations.GetValue(AnnotationName, ref buffer);
        return [.. buffer.DenseValues()];
    }

    private static void AddAnnotation<T>(DataViewSchema.Annotations.Builder builder, PrimitiveDataViewType itemType, T[] values)
        => builder.Add(AnnotationName, new VectorDataViewType(itemType, values.Length), (ref VBuffer<T> destination) => new VBuffer<T>(values.Length, values).CopyTo(ref destination));
}
