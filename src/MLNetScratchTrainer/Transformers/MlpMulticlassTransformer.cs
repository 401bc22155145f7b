using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Transformers;

/// <summary>
/// A trained multiclass Mlp. Adds <c>Score</c> (the class probabilities, one slot per class, named after the label's key
/// values when it has them) and <c>PredictedLabel</c> (a key of the label's key type, carrying its key values, so that
/// <c>MapKeyToValue</c> restores the original labels; 0, the missing key, when the features hold NaN).
/// </summary>
public class MlpMulticlassTransformer : MlpTransformerBase
{
    private const string Kind = "MulticlassClassification";

    private readonly LabelKeyValues? _labelKeyValues;

    internal MlpMulticlassTransformer(MlpModel model, string featureColumnName, LabelKeyValues? labelKeyValues)
        : base(model, featureColumnName)
    {
        _labelKeyValues = labelKeyValues;
    }

    /// <summary>Number of classes: the size of <c>Score</c> and the key count of <c>PredictedLabel</c>.</summary>
    public int ClassCount => Model.OutputSize;

    /// <inheritdoc />
    internal override LabelKeyValues? LabelKeyValues => _labelKeyValues;

    /// <inheritdoc />
    internal override IReadOnlyList<OutputColumn> CreateOutputColumns(DataViewSchema inputSchema)
    {
        int classes = ClassCount;
        var slotNames = _labelKeyValues?.ToText();
        var scoreAnnotations = ScoreAnnotations.Create(inputSchema, Kind, ScoreAnnotations.Score, builder =>
        {
            if (slotNames is not null)
            {
                builder.Add(
                    ScoreAnnotations.SlotNames,
                    new VectorDataViewType(TextDataViewType.Instance, classes),
                    (ref VBuffer<ReadOnlyMemory<char>> names) => new VBuffer<ReadOnlyMemory<char>>(classes, slotNames).CopyTo(ref names));
            }
        });
        var labelAnnotations = ScoreAnnotations.Create(inputSchema, Kind, ScoreAnnotations.PredictedLabel, builder => _labelKeyValues?.AddTo(builder));
        return
        [
            new("Score", new VectorDataViewType(NumberDataViewType.Single, classes), scoreAnnotations, scorer => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> score) =>
            {
                var editor = VBufferEditor.Create(ref score, classes);
                scorer.Outputs.CopyTo(editor.Values);
                score = editor.Commit();
            })),
            new("PredictedLabel", new KeyDataViewType(typeof(uint), classes), labelAnnotations, scorer => (ValueGetter<uint>)((ref uint key) => key = ArgMaxKey(scorer.Outputs))),
        ];
    }

    /// <summary>1 + the index of the largest probability, or 0 (the missing key) when they are NaN (NaN features make every softmax output NaN).</summary>
    private static uint ArgMaxKey(ReadOnlySpan<float> probabilities)
    {
        if (float.IsNaN(probabilities[0]))
        {
            return 0;
        }

        int best = 0;
        for (int k = 1; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[best])
            {
                best = k;
            }
        }

        return (uint)(best + 1);
    }
}
