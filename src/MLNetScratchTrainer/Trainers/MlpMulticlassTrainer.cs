using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// Trains a multiclass Mlp (softmax output, cross-entropy loss). The label is a key, as <c>MapValueToKey</c> makes it;
/// the key count is the number of classes. Create it with <c>mlContext.MulticlassClassification.Trainers.Mlp(…)</c>.
/// </summary>
public sealed class MlpMulticlassTrainer : MlpTrainerBase<MlpMulticlassTransformer>
{
    private const int MaxClasses = 1 << 20;

    internal MlpMulticlassTrainer(IHostEnvironment environment, MlpOptions options)
        : base(environment, options, MlpTask.MulticlassClassification)
    {
    }

    /// <inheritdoc />
    private protected override string LabelColumnRequirement => "a key type with at least two values (use mlContext.Transforms.Conversion.MapValueToKey)";

    /// <inheritdoc />
    private protected override string LabelValueRequirement => "a class key (key 0 means missing)";

    /// <inheritdoc />
    private protected override bool IsValidLabel(ColumnShape label)
        => label is { Kind: SchemaShape.Column.VectorKind.Scalar, IsKey: true } && label.ItemType == NumberDataViewType.UInt32;

    /// <inheritdoc />
    private protected override IEnumerable<SchemaShape.Column> GetOutputColumnShapes(SchemaShape.Column label)
    {
        var keyValues = label.Annotations.Where(annotation => annotation.Name == LabelKeyValues.AnnotationName).ToArray();
        var slotNames = keyValues.Length == 0
            ? []
            : new[] { MlNetInternals.CreateColumnShape(ScoreAnnotations.SlotNames, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, isKey: false) };
        yield return MlNetInternals.CreateColumnShape("Score", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false, ScoreAnnotations.Shape(slotNames));
        yield return MlNetInternals.CreateColumnShape("PredictedLabel", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, isKey: true, ScoreAnnotations.Shape(keyValues));
    }

    /// <inheritdoc />
    private protected override int? InspectLabelColumn(DataViewSchema.Column label)
    {
        ulong count = ((KeyDataViewType)label.Type).Count;
        if (count < 2 || count > MaxClasses)
        {
            throw new ArgumentException($"The label column '{label.Name}' is a key with {count} values; multiclass classification needs between 2 and {MaxClasses} classes.");
        }

        LabelKeyValues.FromColumn(label, (int)count);
        return (int)count;
    }

    /// <inheritdoc />
    private protected override Func<float> CreateLabelReader(DataViewRow cursor, DataViewSchema.Column label)
    {
        var getKey = cursor.GetGetter<uint>(label);
        ulong count = ((KeyDataViewType)label.Type).Count;
        uint key = 0;
        return () =>
        {
            getKey(ref key);
            return key == 0 || key > count ? float.NaN : key - 1;
        };
    }

    /// <inheritdoc />
    private protected override void CheckTrainingLabels(float[] labels)
    {
        if (labels.All(label => label == labels[0]))
        {
            throw new ArgumentException(
                $"Every training row has the same class (key {labels[0] + 1}) in label column '{LabelColumnName}'; multiclass classification needs examples of at least two classes.");
        }
    }

    /// <inheritdoc />
    private protected override MlpMulticlassTransformer CreateTransformer(MlpModel model, string featureColumnName, DataViewSchema.Column label)
        => new(model, featureColumnName, LabelKeyValues.FromColumn(label, model.OutputSize));
}
