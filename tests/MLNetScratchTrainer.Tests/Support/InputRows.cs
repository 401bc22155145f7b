using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Tests.Support;

/// <summary>Rows of a vector-layout data set as <see cref="VectorRow{TTarget}"/> objects, for <c>PredictionEngine</c>.</summary>
internal static class InputRows
{
    /// <summary>The schema definition of <see cref="VectorRow{TTarget}"/> with its feature vector of <paramref name="featureCount"/> values.</summary>
    public static SchemaDefinition Definition<TTarget>(int featureCount)
    {
        var definition = SchemaDefinition.Create(typeof(VectorRow<TTarget>));
        definition["RawFeatures"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return definition;
    }

    public static List<VectorRow<TTarget>> Read<TTarget>(MLContext ml, IDataView data, int featureCount)
        => [.. ml.Data.CreateEnumerable<VectorRow<TTarget>>(data, reuseRowObject: false, schemaDefinition: Definition<TTarget>(featureCount))];
}
