using System.Diagnostics;
using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Examples.OptimizerComparison;

/// <summary>
/// Saito, chapter 6.1: the same 784-100-100-10 ReLU network, the same He-initialised weights and the same sequence of
/// mini-batches, trained by each update rule; one loss curve per optimizer. Learning rates are the book's defaults.
/// </summary>
internal static class OptimizerComparisonWalkthrough
{
    private const int BatchSize = 128;
    private const int WeightSeed = 1;
    private const int BatchSeed = 2;

    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        int iterations = arguments.Integer("--iterations", arguments.Smoke ? 30 : 2000);
        var train = MnistData.Load(arguments, MnistPart.Train, arguments.Smoke ? 2000 : null);
        var test = MnistData.Load(arguments, MnistPart.Test, arguments.Smoke ? 1000 : null);
        var architecture = new MlpArchitecture(Mnist.FeatureCount, [100, 100], Mnist.ClassCount, MlpTask.MulticlassClassification, Activation.Relu);
        OptimizerRun[] runs =
        [
            new("SGD", OptimizerKind.Sgd, 0.01f),
            new("Momentum", OptimizerKind.Momentum, 0.01f),
            new("Nesterov", OptimizerKind.Nesterov, 0.01f),
            new("AdaGrad", OptimizerKind.AdaGrad, 0.01f),
            new("RMSProp", OptimizerKind.RmsProp, 0.001f),
            new("Adam", OptimizerKind.Adam, 0.001f),
        ];
        Console.WriteLine();
        Console.WriteLine($"784-100-100-10 ReLU, He initialisation (same weights for all), batches of {BatchSize} drawn at random (same batches for all),");
        Console.WriteLine($"{iterations} iterations per optimizer. Momentum and Nesterov use μ = 0.9; RMSProp ρ = 0.9; Adam β1 = 0.9, β2 = 0.999.");

        using var pool = new WorkerPool(Environment.ProcessorCount);
        var gemm = new Gemm(pool);
        foreach (var run in runs)
        {
            var network = NetworkFactory.Create(architecture, new HeInitializer(), WeightSeed, gemm);
            var optimizer = OptimizerFactory.Create(run.Kind, new OptimizerSettings());
            var clock = Stopwatch.StartNew();
            run.Losses = ProgressDisplay.Run($"{run.Name,-8}", "iteration", progress =>
                MiniBatchTraining.Run(network, optimizer, run.LearningRate, train, iterations, BatchSize, BatchSeed, progress));
            run.Seconds = clock.Elapsed.TotalSeconds;
            run.TestAccuracy = Accuracy.Of(network, test);
            Console.WriteLine($"{run.Name}: done in {run.Seconds:F1} s, test accuracy {run.TestAccuracy:P2}");
        }

        int window = Math.Min(100, iterations);
        var table = new TextTable("optimizer", "learning rate", "first loss", $"mean loss, last {window}", "test accuracy", "seconds");
        foreach (var run in runs)
        {
            table.AddRow(run.Name, $"{run.LearningRate}", $"{run.Losses[0]:F4}", $"{run.Losses[^window..].Average():F4}", $"{run.TestAccuracy:P2}", $"{run.Seconds:F1}");
        }

        Console.WriteLine();
        table.Write();
        Console.WriteLine("Plain SGD crawls: one global step size, no memory. Momentum and Nesterov build up speed along consistent directions.");
        Console.WriteLine("AdaGrad, RMSProp and Adam give each weight its own step from the size of its past gradients; Adam adds momentum.");

        int smoothing = Math.Max(1, Math.Min(20, iterations / 10));
        var chart = new LineChart($"MNIST 784-100-100-10: loss per iteration (moving average of {smoothing})", "iteration", "mini-batch loss") { LogY = true };
        foreach (var run in runs)
        {
            chart.Add(ChartSeries.Indexed(run.Name, Smoothing.MovingAverage(run.Losses, smoothing)));
        }

        chart.Save(output, "optimizer-loss", "smoothed mini-batch loss per iteration, one curve per optimizer");
        Check.That(arguments.Smoke || runs.All(r => r.Losses[^window..].Average() < r.Losses[0]), "An optimizer ended with a higher loss than it started with.");
    }
}
