using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>Reads the Score column of scored rows (a Single, or a vector of Single for multiclass) into one flat array.</summary>
public static class ScoreColumn
{
    /// <summary>The column's name, as every ML.NET scorer and the Mlp transformers write it.</summary>
    public const string Name = "Score";

    /// <summary>Every row's score values, row after row.</summary>
    /// <exception cref="InvalidDataException">The Score column is neither a Single nor a vector of Single.</exception>
    public static float[] Read(IDataView scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var column = scored.Schema[Name];
        var values = new List<float>();
        using var cursor = scored.GetRowCursor([column]);
        if (column.Type is VectorDataViewType { ItemType: NumberDataViewType vectorItem } && vectorItem == NumberDataViewType.Single)
        {
            var getVector = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> vector = default;
            while (cursor.MoveNext())
            {
                getVector(ref vector);
                values.AddRange(vector.DenseValues());
            }
        }
        else if (column.Type == NumberDataViewType.Single)
        {
            var getScalar = cursor.GetGetter<float>(column);
            float scalar = 0;
            while (cursor.MoveNext())
            {
                getScalar(ref scalar);
                values.Add(scalar);
            }
        }
        else
        {
            throw new InvalidDataException($"The Score column has type {column.Type}; expected Single or a vector of Single.");
        }

        return [.. values];
    }
}
