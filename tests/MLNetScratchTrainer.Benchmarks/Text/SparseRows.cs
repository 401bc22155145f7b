using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Benchmarks.Text;

/// <summary>A featurized text data view read into CSR rows and 0/1 labels, without ever densifying a row.</summary>
/// <param name="Features">One CSR row per review.</param>
/// <param name="Labels">1 for "great", 0 otherwise.</param>
public sealed record SparseRows(SparseMatrix Features, float[] Labels)
{
    /// <summary>Reads the vector column <paramref name="features"/> and the Boolean column <paramref name="label"/>.</summary>
    public static SparseRows Read(IDataView data, string features, string label)
    {
        var featureColumn = data.Schema[features];
        int columns = ((VectorDataViewType)featureColumn.Type).Size;
        var matrix = new SparseMatrix(columns);
        var labels = new List<float>();
        using var cursor = data.GetRowCursor([featureColumn, data.Schema[label]]);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(featureColumn);
        var getLabel = cursor.GetGetter<bool>(data.Schema[label]);
        VBuffer<float> row = default;
        bool value = false;
        var indices = new List<int>();
        var values = new List<float>();
        while (cursor.MoveNext())
        {
            getFeatures(ref row);
            getLabel(ref value);
            indices.Clear();
            values.Clear();
            var rowValues = row.GetValues();
            var rowIndices = row.IsDense ? default : row.GetIndices();
            for (int i = 0; i < rowValues.Length; i++)
            {
                if (rowValues[i] != 0f)
                {
                    indices.Add(row.IsDense ? i : rowIndices[i]);
                    values.Add(rowValues[i]);
                }
            }

            matrix.AppendRow(CollectionsMarshal.AsSpan(indices), CollectionsMarshal.AsSpan(values));
            labels.Add(value ? 1f : 0f);
        }

        return new SparseRows(matrix, [.. labels]);
    }
}
