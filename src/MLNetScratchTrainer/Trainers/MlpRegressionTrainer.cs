using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// Trains a regression Mlp (identity output, squared-error loss, targets standardized by default). The label is a Single.
/// Create it with <c>mlContext.Regression.Trainers.Mlp(…)</c>.
/// </summary>
public sealed class MlpRegressionTrainer : MlpTrainerBase<MlpRegressionTransformer>
{
    internal MlpRegressionTrainer(IHostEnvironment environment, MlpOptions options)
        : base(environment, options, MlpTask.Regression)
    {
    }

    /// <inheritdoc />
    private protected override string LabelColumnRequirement => "a Single";

    /// <inheritdoc />
    private protected override string LabelValueRequirement => "a finite number";

    /// <inheritdoc />
    private protected override bool IsValidLabel(ColumnShape label) => label.IsScalarOf(NumberDataViewType.Single);

    /// <inheritdoc />
    private protected override IEnumerable<SchemaShape.Column> GetOutputColumnShapes(SchemaShape.Column label) =>
    [
        ScalarOutputShape("Score", NumberDataViewType.Single),
    ];

    /// <inheritdoc />
    private protected override Func<float> CreateLabelReader(DataViewRow cursor, DataViewSchema.Column label)
    {
        var getValue = cursor.GetGetter<float>(label);
        float value = 0;
        return () =>
        {
            getValue(ref value);
            return float.IsFinite(value) ? value : float.NaN;
        };
    }

    /// <inheritdoc />
    private protected override MlpRegressionTransformer CreateTransformer(MlpModel model, string featureColumnName, DataViewSchema.Column label)
        => LoaderAssembly.CreateRegression(model, featureColumnName);
}
