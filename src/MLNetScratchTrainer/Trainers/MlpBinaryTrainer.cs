using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// Trains a binary Mlp (one sigmoid output, binary cross-entropy loss). The label is a Boolean, or a Single holding 0 or 1.
/// Create it with <c>mlContext.BinaryClassification.Trainers.Mlp(…)</c>.
/// </summary>
public sealed class MlpBinaryTrainer : MlpTrainerBase<MlpBinaryTransformer>
{
    internal MlpBinaryTrainer(IHostEnvironment environment, MlpOptions options)
        : base(environment, options, MlpTask.BinaryClassification)
    {
    }

    /// <inheritdoc />
    private protected override string LabelColumnRequirement => "a Boolean, or a Single holding 0 or 1";

    /// <inheritdoc />
    private protected override string LabelValueRequirement => "true or false (or 0 or 1)";

    /// <inheritdoc />
    private protected override bool IsValidLabel(ColumnShape label)
        => label.IsScalarOf(BooleanDataViewType.Instance) || label.IsScalarOf(NumberDataViewType.Single);

    /// <inheritdoc />
    private protected override IEnumerable<SchemaShape.Column> GetOutputColumnShapes(SchemaShape.Column label) =>
    [
        ScalarOutputShape("Score", NumberDataViewType.Single),
        ScalarOutputShape("Probability", NumberDataViewType.Single),
        ScalarOutputShape("PredictedLabel", BooleanDataViewType.Instance),
    ];

    /// <inheritdoc />
    private protected override Func<float> CreateLabelReader(DataViewRow cursor, DataViewSchema.Column label)
    {
        if (label.Type is BooleanDataViewType)
        {
            var getFlag = cursor.GetGetter<bool>(label);
            bool flag = false;
            return () =>
            {
                getFlag(ref flag);
                return flag ? 1f : 0f;
            };
        }

        var getValue = cursor.GetGetter<float>(label);
        float value = 0;
        return () =>
        {
            getValue(ref value);
            return value is 0f or 1f ? value : float.NaN;
        };
    }

    /// <inheritdoc />
    private protected override void CheckTrainingLabels(float[] labels)
    {
        if (labels.All(label => label == labels[0]))
        {
            throw new ArgumentException(
                $"Every training row has the label {labels[0] == 1f} in label column '{LabelColumnName}'; binary classification needs examples of both classes.");
        }
    }

    /// <inheritdoc />
    private protected override MlpBinaryTransformer CreateTransformer(MlpModel model, string featureColumnName, DataViewSchema.Column label)
        => LoaderAssembly.CreateBinary(model, featureColumnName);
}
