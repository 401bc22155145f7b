namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>A trainer's results on one data set, over its splits.</summary>
/// <param name="Family">The trainer's family.</param>
/// <param name="Trainer">The trainer as ML.NET names it.</param>
/// <param name="MeanMetric">The main metric's mean over the splits.</param>
/// <param name="StandardDeviation">The main metric's sample standard deviation over the splits (0 for one split).</param>
/// <param name="MeanFitSeconds">The mean fit time.</param>
/// <param name="Rank">The rank of <paramref name="MeanMetric"/> among the trainers on this data set (1 best, ties share).</param>
/// <param name="Splits">How many splits it ran on.</param>
internal sealed record TrainerScore(string Family, string Trainer, double MeanMetric, double StandardDeviation, double MeanFitSeconds, double Rank, int Splits);
