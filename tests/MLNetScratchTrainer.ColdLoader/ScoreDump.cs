using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.ColdLoader;

/// <summary>
/// The prediction columns of scored data as text, one line per row, with every Single as its exact bit pattern, so that
/// two processes' outputs can be compared bit for bit.
/// </summary>
public static class ScoreDump
{
    /// <summary>The columns dumped, when present: what ML.NET's scorers add.</summary>
    public static readonly IReadOnlyList<string> Columns = ["Score", "Probability", "PredictedLabel"];

    /// <summary>One line per row of <paramref name="scored"/>: <c>Score=… Probability=… PredictedLabel=…</c>.</summary>
    public static IEnumerable<string> Lines(IDataView scored)
    {
        var columns = Columns.Where(name => scored.Schema.GetColumnOrNull(name) is not null).Select(name => scored.Schema[name]).ToList();
        using var cursor = scored.GetRowCursor(columns);
        var readers = columns.Select(column => Reader(cursor, column)).ToList();
        while (cursor.MoveNext())
        {
            yield return string.Join(' ', readers.Select(read => read()));
        }
    }

    private static Func<string> Reader(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        string prefix = column.Name + "=";
        switch (column.Type)
        {
            case NumberDataViewType when column.Type.RawType == typeof(float):
            {
                var getter = cursor.GetGetter<float>(column);
                float value = 0;
                return () => { getter(ref value); return prefix + Bits(value); };
            }

            case VectorDataViewType vector when vector.ItemType.RawType == typeof(float):
            {
                var getter = cursor.GetGetter<VBuffer<float>>(column);
                VBuffer<float> value = default;
                return () => { getter(ref value); return prefix + string.Join(',', value.DenseValues().Select(Bits)); };
            }

            case BooleanDataViewType:
            {
                var getter = cursor.GetGetter<bool>(column);
                bool value = false;
                return () => { getter(ref value); return prefix + value; };
            }

            case KeyDataViewType when column.Type.RawType == typeof(uint):
            {
                var getter = cursor.GetGetter<uint>(column);
                uint value = 0;
                return () => { getter(ref value); return prefix + value.ToString(CultureInfo.InvariantCulture); };
            }

            default:
                throw new NotSupportedException($"Column '{column.Name}' has type {column.Type}; ScoreDump reads Single, vectors of Single, Boolean and UInt32 keys.");
        }
    }

    private static string Bits(float value) => BitConverter.SingleToInt32Bits(value).ToString("x8", CultureInfo.InvariantCulture);
}
