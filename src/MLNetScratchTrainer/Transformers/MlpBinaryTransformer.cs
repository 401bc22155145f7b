using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// A trained binary Mlp. Adds, as ML.NET's binary classifiers do, <c>Score</c> (the network's log-odds, a margin around 0),
/// <c>Probability</c> (P(true), the sigmoid of the score) and <c>PredictedLabel</c> (true when the score is above 0).
/// </summary>
public class MlpBinaryTransformer : MlpTransformerBase
{
    private const string Kind = "BinaryClassification";

    internal MlpBinaryTransformer(MlpModel model, string featureColumnName)
        : base(model, featureColumnName)
    {
    }

    /// <inheritdoc />
    internal override bool ScoresFromLogits => true;

    /// <inheritdoc />
    internal override IReadOnlyList<OutputColumn> CreateOutputColumns(DataViewSchema inputSchema) =>
    [
        new("Score", NumberDataViewType.Single, ScoreAnnotations.Create(inputSchema, Kind, ScoreAnnotations.Score),
            scorer => (ValueGetter<float>)((ref float score) => score = scorer.Outputs[0])),
        new("Probability", NumberDataViewType.Single, ScoreAnnotations.Create(inputSchema, Kind, ScoreAnnotations.Probability),
            scorer => (ValueGetter<float>)((ref float probability) => probability = Sigmoid.Function(scorer.Outputs[0]))),
        new("PredictedLabel", BooleanDataViewType.Instance, ScoreAnnotations.Create(inputSchema, Kind, ScoreAnnotations.PredictedLabel),
            scorer => (ValueGetter<bool>)((ref bool label) => label = scorer.Outputs[0] > 0f)),
    ];
}
