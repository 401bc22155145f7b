using Microsoft.ML;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>One trainer of a data set's comparison: its family (the table's column), ML.NET's name for it, and how to make it.</summary>
/// <param name="Family">The column it fills, such as "Lbfgs".</param>
/// <param name="Name">The trainer as ML.NET names it, such as "LbfgsMaximumEntropy".</param>
/// <param name="Create">Makes the trainer estimator, fresh for every fit.</param>
internal sealed record BenchmarkTrainer(string Family, string Name, Func<IEstimator<ITransformer>> Create);
