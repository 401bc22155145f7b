using Microsoft.ML;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// The metric a data set is ranked by, higher being better, measured with ML.NET's evaluator on the test rows: MicroAccuracy
/// (multiclass), AUC (binary) or R² (regression); and how far behind the best trainer the Mlp may fall on it (issue 9's
/// goal: 1 point of accuracy, 0.01 AUC, 0.02 R²).
/// </summary>
/// <param name="Name">The metric as ML.NET names it.</param>
/// <param name="Tolerance">The gap to the best trainer that still counts as on par.</param>
internal sealed record MainMetric(string Name, double Tolerance)
{
    /// <summary>The tolerances of <see cref="Of"/>, in words.</summary>
    public const string TolerancesInWords = "1 point of accuracy, 0.01 AUC, 0.02 R²";

    /// <summary>The metric of a task.</summary>
    public static MainMetric Of(MlpTask task) => task switch
    {
        MlpTask.MulticlassClassification => new("MicroAccuracy", 0.01),
        MlpTask.BinaryClassification => new("AUC", 0.01),
        _ => new("RSquared", 0.02),
    };

    /// <summary>The metric of scored test rows (Label and Score; binary needs no Probability, as AUC reads Score).</summary>
    public static double Evaluate(MLContext ml, MlpTask task, IDataView scored) => task switch
    {
        MlpTask.MulticlassClassification => ml.MulticlassClassification.Evaluate(scored).MicroAccuracy,
        MlpTask.BinaryClassification => ml.BinaryClassification.EvaluateNonCalibrated(scored).AreaUnderRocCurve,
        _ => ml.Regression.Evaluate(scored).RSquared,
    };
}
