using Microsoft.ML;

namespace MLNetScratchTrainer.Trainers;

/// <summary>The columns a training run reads from a data view, validated.</summary>
/// <param name="Features">The feature column, a known-size vector of Single.</param>
/// <param name="Label">The label column.</param>
/// <param name="Weight">The example weight column, or null.</param>
internal sealed record TrainingColumns(DataViewSchema.Column Features, DataViewSchema.Column Label, DataViewSchema.Column? Weight)
{
    /// <summary>Features per row.</summary>
    public int FeatureCount => ((Microsoft.ML.Data.VectorDataViewType)Features.Type).Size;

    /// <summary>The columns, for opening a cursor.</summary>
    public IEnumerable<DataViewSchema.Column> All => Weight is { } weight ? [Features, Label, weight] : [Features, Label];
}
