using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Transformers;

/// <summary>A column an Mlp transformer adds: its name, type and annotations, and how to read its value from a row's network outputs.</summary>
/// <param name="Name">Column name, such as "Score".</param>
/// <param name="Type">Column type.</param>
/// <param name="Annotations">Column annotations.</param>
/// <param name="CreateGetter">Makes the column's <see cref="ValueGetter{TValue}"/> for one row, reading the scorer's outputs.</param>
internal sealed record OutputColumn(string Name, DataViewType Type, DataViewSchema.Annotations Annotations, Func<RowScorer, Delegate> CreateGetter);
