using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// The pipeline an ML.NET user writes for a CSV file, the same for every trainer: <c>LoadFromTextFile</c> with one declared
/// column per CSV column (numbers as Single, empty fields as NaN; text as String), the label from the target
/// (<c>MapValueToKey</c> for multiclass, <c>MapValue</c> to Boolean for binary, the Single as is for regression),
/// <c>OneHotEncoding</c> of the text columns, <c>ReplaceMissingValues</c> (by the training mean) of the numeric columns,
/// <c>Concatenate("Features", …)</c>, <c>NormalizeMinMax("Features")</c> and <c>AppendCacheCheckpoint</c> (as ML.NET's docs
/// advise before trainers that pass over the data many times); then the trainer.
/// </summary>
internal static class UserPipeline
{
    /// <summary>The label column every trainer reads.</summary>
    public const string Label = "Label";

    /// <summary>The feature column every trainer reads.</summary>
    public const string Features = "Features";

    /// <summary>Loads the file as ML.NET's text loader reads it: classification targets as text (column "target"), regression targets as the Single "Label".</summary>
    public static IDataView Load(MLContext ml, TabularFile file)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(file);
        var columns = file.FeatureNames
            .Select((name, index) => new TextLoader.Column(name, file.FeatureKinds[index] == ColumnKind.Text ? DataKind.String : DataKind.Single, index))
            .Append(file.Task == MlpTask.Regression
                ? new TextLoader.Column(Label, DataKind.Single, file.FeatureNames.Count)
                : new TextLoader.Column(TabularFile.TargetColumn, DataKind.String, file.FeatureNames.Count));
        var options = new TextLoader.Options
        {
            Columns = [.. columns],
            Separators = [','],
            HasHeader = true,
            AllowQuoting = true,
            MissingRealsAsNaNs = true,
        };
        return ml.Data.LoadFromTextFile(file.Path, options);
    }

    /// <summary>The label and feature transforms, up to the trainer.</summary>
    public static IEstimator<ITransformer> Featurize(MLContext ml, TabularFile file)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(file);
        IEstimator<ITransformer> pipeline = file.Task switch
        {
            MlpTask.MulticlassClassification => ml.Transforms.Conversion.MapValueToKey(Label, TabularFile.TargetColumn),
            MlpTask.BinaryClassification => ml.Transforms.Conversion.MapValue(Label, BinaryLabels(file), TabularFile.TargetColumn),
            _ => new EstimatorChain<ITransformer>(),
        };
        var text = ColumnsOfKind(file, ColumnKind.Text);
        var numeric = ColumnsOfKind(file, ColumnKind.Numeric);
        if (text.Length > 0)
        {
            pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(text));
        }

        if (numeric.Length > 0)
        {
            pipeline = pipeline.Append(ml.Transforms.ReplaceMissingValues(numeric, MissingValueReplacingEstimator.ReplacementMode.Mean));
        }

        return pipeline
            .Append(ml.Transforms.Concatenate(Features, [.. file.FeatureNames]))
            .Append(ml.Transforms.NormalizeMinMax(Features))
            .AppendCacheCheckpoint(ml);
    }

    /// <summary>The positive class of a binary target: the last of its two values in ordinal order ("1" of 0/1, "Yes" of No/Yes, "good" of bad/good).</summary>
    public static string PositiveClass(TabularFile file) => file.Classes[^1];

    private static KeyValuePair<string, bool>[] BinaryLabels(TabularFile file) =>
        [.. file.Classes.Select(value => KeyValuePair.Create(value, value == PositiveClass(file)))];

    private static InputOutputColumnPair[] ColumnsOfKind(TabularFile file, ColumnKind kind) =>
        [.. file.FeatureNames.Where((_, index) => file.FeatureKinds[index] == kind).Select(name => new InputOutputColumnPair(name))];
}
