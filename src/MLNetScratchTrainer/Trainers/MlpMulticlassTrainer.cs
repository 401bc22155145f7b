using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// Trains a multiclass Mlp (softmax output, cross-entropy loss). The label is a key, as <c>MapValueToKey</c> makes it, whose
/// key count is the number of classes; or a Single holding class indices 0, 1, 2, …, whose largest value + 1 is the number
/// of classes (<c>PredictedLabel</c> is then a key whose values are those indices). Create it with
/// <c>mlContext.MulticlassClassification.Trainers.Mlp(…)</c>.
/// </summary>
public sealed class MlpMulticlassTrainer : MlpTrainerBase<MlpMulticlassTransformer>
{
    private const int MaxClasses = 1 << 20;

    internal MlpMulticlassTrainer(IHostEnvironment environment, MlpOptions options)
        : base(environment, options, MlpTask.MulticlassClassification)
    {
    }

    /// <inheritdoc />
    private protected override string LabelColumnRequirement
        => "a key type with at least two values (use mlContext.Transforms.Conversion.MapValueToKey), or a Single holding class indices 0, 1, 2, …";

    /// <inheritdoc />
    private protected override string LabelValueRequirement => "a class key (key 0 means missing) or a class index 0, 1, 2, …";

    /// <inheritdoc />
    private protected override bool IsValidLabel(ColumnShape label)
        => (label is { Kind: SchemaShape.Column.VectorKind.Scalar, IsKey: true } && label.ItemType == NumberDataViewType.UInt32)
           || label.IsScalarOf(NumberDataViewType.Single);

    /// <inheritdoc />
    private protected override IEnumerable<SchemaShape.Column> GetOutputColumnShapes(SchemaShape.Column label)
    {
        var keyValues = label.IsKey
            ? label.Annotations.Where(annotation => annotation.Name == LabelKeyValues.AnnotationName).ToArray()
            : [MlNetInternals.CreateColumnShape(LabelKeyValues.AnnotationName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false)];
        var slotNames = keyValues.Length == 0
            ? []
            : new[] { MlNetInternals.CreateColumnShape(ScoreAnnotations.SlotNames, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, isKey: false) };
        yield return MlNetInternals.CreateColumnShape("Score", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false, ScoreAnnotations.Shape(slotNames));
        yield return MlNetInternals.CreateColumnShape("PredictedLabel", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, isKey: true, ScoreAnnotations.Shape(keyValues));
    }

    /// <inheritdoc />
    private protected override int? InspectLabelColumn(DataViewSchema.Column label)
    {
        if (label.Type is not KeyDataViewType key)
        {
            return null;
        }

        ulong count = key.Count;
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
        if (label.Type is not KeyDataViewType)
        {
            var getIndex = cursor.GetGetter<float>(label);
            float index = 0;
            return () =>
            {
                getIndex(ref index);
                return index >= 0 && index < MaxClasses && index == MathF.Floor(index) ? index : float.NaN;
            };
        }

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
                $"Every training row has the same class (index {labels[0]}, key {labels[0] + 1}) in label column '{LabelColumnName}'; multiclass classification needs examples of at least two classes.");
        }
    }

    /// <inheritdoc />
    private protected override MlpMulticlassTransformer CreateTransformer(MlpModel model, string featureColumnName, DataViewSchema.Column label)
        => LoaderAssembly.CreateMulticlass(model, featureColumnName, label.Type is KeyDataViewType ? LabelKeyValues.FromColumn(label, model.OutputSize) : LabelKeyValues.ClassIndices(model.OutputSize));
}
