using Microsoft.ML;

namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>What a comparison measures on the test rows for one kind of task, with ML.NET's own evaluator.</summary>
public sealed class MetricSet
{
    private readonly Func<MLContext, IDataView, double[]> _evaluate;

    private MetricSet(Metric[] metrics, Func<MLContext, IDataView, double[]> evaluate)
    {
        Metrics = metrics;
        _evaluate = evaluate;
    }

    /// <summary>Multiclass: <c>mlContext.MulticlassClassification.Evaluate</c> on Label (a key) and Score.</summary>
    public static MetricSet Multiclass { get; } = new(
        [new("MicroAccuracy", "F4"), new("MacroAccuracy", "F4"), new("LogLoss", "F4")],
        (ml, scored) =>
        {
            var metrics = ml.MulticlassClassification.Evaluate(scored);
            return [metrics.MicroAccuracy, metrics.MacroAccuracy, metrics.LogLoss];
        });

    /// <summary>Binary: <c>mlContext.BinaryClassification.Evaluate</c> on Label (Boolean), Score and Probability.</summary>
    public static MetricSet Binary { get; } = new(
        [new("Accuracy", "F4"), new("AUC", "F4"), new("F1", "F4"), new("LogLoss", "F4")],
        (ml, scored) =>
        {
            var metrics = ml.BinaryClassification.Evaluate(scored);
            return [metrics.Accuracy, metrics.AreaUnderRocCurve, metrics.F1Score, metrics.LogLoss];
        });

    /// <summary>Regression: <c>mlContext.Regression.Evaluate</c> on Label and Score.</summary>
    public static MetricSet Regression { get; } = new(
        [new("RSquared", "F4"), new("RMSE", "F2"), new("MAE", "F2")],
        (ml, scored) =>
        {
            var metrics = ml.Regression.Evaluate(scored);
            return [metrics.RSquared, metrics.RootMeanSquaredError, metrics.MeanAbsoluteError];
        });

    /// <summary>The metrics, in table order.</summary>
    public IReadOnlyList<Metric> Metrics { get; }

    /// <summary>The value of each metric on scored test rows.</summary>
    public double[] Evaluate(MLContext mlContext, IDataView scored) => _evaluate(mlContext, scored);
}
