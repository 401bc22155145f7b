using System.Diagnostics;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Examples.WeightInitComparison;

/// <summary>
/// Saito, chapter 6.2: why the starting weights matter. Too small (std 0.01) and every layer's outputs collapse
/// towards one value, so all units compute the same thing and gradients vanish; Xavier (std √(2 / (fan-in + fan-out)))
/// keeps sigmoid and tanh outputs spread; He (std √(2 / fan-in)) does the same for ReLU, which zeroes half its inputs.
/// </summary>
internal static class WeightInitWalkthrough
{
    private const int BatchSize = 128;
    private const float LearningRate = 0.01f;

    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        using var pool = new WorkerPool(Environment.ProcessorCount);
        var gemm = new Gemm(pool);
        ShowActivations(arguments.Smoke ? 200 : 1000, gemm, output);
        TrainOnMnist(arguments, gemm, output);
    }

    private static void ShowActivations(int rows, Gemm gemm, OutputFolder output)
    {
        Console.WriteLine();
        Console.WriteLine($"1. {rows} random inputs (standard normal, 100 features) through 5 dense layers of 100 units, biases 0:");
        var input = new Matrix(rows, ActivationExperiment.Units);
        var rng = new Rng(3);
        for (int i = 0; i < input.Span.Length; i++)
        {
            input.Span[i] = rng.NextNormal();
        }

        ActivationExperiment[] experiments =
        [
            new("Sigmoid", units => new Sigmoid(units), 0, 1, dropZeros: false),
            new("Tanh", units => new Tanh(units), -1, 1, dropZeros: false),
            new("ReLU", units => new Relu(units), 0, 3, dropZeros: true),
        ];
        foreach (var experiment in experiments)
        {
            var panel = experiment.Run(input, gemm);
            string name = experiment.ActivationName.ToLowerInvariant();
            panel.Save(output, $"activations-{name}", $"histograms of the 5 layers' {experiment.ActivationName} outputs, per initialisation");
        }

        Console.WriteLine("std 0.01: the outputs shrink towards 0.5 (sigmoid) or 0 (tanh, ReLU) layer after layer: every unit says the same.");
        Console.WriteLine("Xavier keeps sigmoid and tanh spread out; ReLU needs He's larger √2 factor, or its outputs fade with depth.");
    }

    private static void TrainOnMnist(ExampleArguments arguments, Gemm gemm, OutputFolder output)
    {
        int iterations = arguments.Integer("--iterations", arguments.Smoke ? 30 : 2000);
        Console.WriteLine();
        Console.WriteLine($"2. MNIST, 784-100-100-100-100-10 ReLU, plain SGD (learning rate {LearningRate}), batches of {BatchSize}, {iterations} iterations per initialisation:");
        var train = MnistData.Load(arguments, MnistPart.Train, arguments.Smoke ? 2000 : null);
        var test = MnistData.Load(arguments, MnistPart.Test, arguments.Smoke ? 1000 : null);
        var architecture = new MlpArchitecture(Mnist.FeatureCount, [100, 100, 100, 100], Mnist.ClassCount, MlpTask.MulticlassClassification, Activation.Relu);

        int window = Math.Min(100, iterations);
        var table = new TextTable("initialisation", "first loss", $"mean loss, last {window}", "test accuracy");
        var results = new List<(string Name, double[] Losses)>();
        foreach (var choice in InitializerChoice.All)
        {
            var network = NetworkFactory.Create(architecture, choice.Initializer, seed: 1, gemm);
            var clock = Stopwatch.StartNew();
            var losses = ProgressDisplay.Run($"{choice.Name,-8}", "iteration", progress =>
                MiniBatchTraining.Run(network, new Sgd(), LearningRate, train, iterations, BatchSize, seed: 2, progress));
            double accuracy = Accuracy.Of(network, test);
            Console.WriteLine($"{choice.Name}: done in {clock.Elapsed.TotalSeconds:F1} s, test accuracy {accuracy:P2}");
            table.AddRow(choice.Name, $"{losses[0]:F4}", $"{losses[^window..].Average():F4}", $"{accuracy:P2}");
            results.Add((choice.Name, losses));
        }

        table.Write();
        Console.WriteLine("With std 0.01 the signal (and so the gradient) dies in the deep layers and the loss stays at ln 10 ≈ 2.30 for a long time;");
        Console.WriteLine("Xavier learns, He learns fastest with ReLU.");

        int smoothing = Math.Max(1, Math.Min(20, iterations / 10));
        var chart = new LineChart($"MNIST 784-100x4-10 ReLU, SGD: loss per iteration (moving average of {smoothing})", "iteration", "mini-batch loss") { LogY = true };
        foreach (var (name, losses) in results)
        {
            chart.Add(ChartSeries.Indexed(name, Smoothing.MovingAverage(losses, smoothing)));
        }

        chart.Save(output, "mnist-loss", "smoothed MNIST loss per iteration for each initialisation");
        double Final(int index) => results[index].Losses[^window..].Average();
        Check.That(arguments.Smoke || (Final(1) < Final(0) && Final(2) < Final(0)), "Xavier and He were expected to train faster than std 0.01.");
    }
}
