namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>What one trainer did in a comparison.</summary>
/// <param name="Trainer">The trainer's name, such as "LbfgsMaximumEntropy".</param>
/// <param name="Settings">What it was given (options, iterations, subset).</param>
/// <param name="TrainingRows">Rows it trained on.</param>
/// <param name="FitSeconds">Wall-clock seconds of <c>pipeline.Fit</c>.</param>
/// <param name="Metrics">The value of each metric of the comparison's <see cref="MetricSet"/>, on the test rows.</param>
/// <param name="ModelBytes">Size of the saved pipeline (.zip).</param>
public sealed record ComparisonResult(string Trainer, string Settings, long TrainingRows, double FitSeconds, IReadOnlyList<double> Metrics, long ModelBytes);
