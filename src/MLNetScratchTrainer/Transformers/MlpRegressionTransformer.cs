using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Transformers;

/// <summary>A trained regression Mlp. Adds <c>Score</c>, the predicted value in the label's own scale.</summary>
public class MlpRegressionTransformer : MlpTransformerBase
{
    internal MlpRegressionTransformer(MlpModel model, string featureColumnName)
        : base(model, featureColumnName)
    {
    }

    /// <inheritdoc />
    internal override IReadOnlyList<OutputColumn> CreateOutputColumns(DataViewSchema inputSchema) =>
    [
        new("Score", NumberDataViewType.Single, ScoreAnnotations.Create(inputSchema, "Regression", ScoreAnnotations.Score),
            scorer => (ValueGetter<float>)((ref float score) => score = scorer.Outputs[0])),
    ];
}
