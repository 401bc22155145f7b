namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>One trainer fitted on one split of one data set.</summary>
/// <param name="Dataset">The data set's name.</param>
/// <param name="Task">What is learned.</param>
/// <param name="Split">The split's seed (<c>TrainTestSplit(seed: …)</c>).</param>
/// <param name="Family">The trainer's family (the table's column).</param>
/// <param name="Trainer">The trainer as ML.NET names it.</param>
/// <param name="Metric">The main metric on the test rows.</param>
/// <param name="FitSeconds">Wall-clock seconds of <c>pipeline.Fit</c> (featurization included, the same for every trainer).</param>
internal sealed record FitResult(string Dataset, MlpTask Task, int Split, string Family, string Trainer, double Metric, double FitSeconds);
