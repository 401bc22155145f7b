using System.Diagnostics;
using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Benchmarks;

/// <summary>
/// End-to-end MNIST timing: 784-256-128-10 ReLU, plain Adam lr 1e-3 (constant; no weight decay, dropout, label
/// smoothing, weight averaging or validation split, as the peers train it), batch 128. Prints seconds per epoch,
/// the process's CPU seconds beside them (on a shared machine, with <c>--threads 1</c>, the steadier figure), effective
/// GFLOP/s, allocated bytes per epoch, test accuracy and peak memory.
/// Arguments: [--epochs N] [--threads N] [--mnist DIR] [--defaults] [--train-rows N] [--floor] (after each epoch, the
/// eight products of its steps timed on their own, <see cref="ProductFloor"/>: the epoch's GEMM floor in the same window).
/// With <c>--defaults</c> it trains with the default options instead (<c>new MlpTrainerOptions()</c>, what a user gets from
/// <c>Trainers.Mlp()</c>), the fit time and test accuracy the defaults promise, and <c>--epochs</c> only when given (else
/// the data-size rule's); any other IDX folder of the same layout works too, such as Fashion-MNIST (Debian's
/// dataset-fashion-mnist: <c>--mnist /usr/share/datasets/fashion-mnist</c>). <c>--train-rows N</c> trains on the first N
/// training images only (the rules' behaviour at mid sizes); the test set is always whole.
/// </summary>
public static class MnistHarness
{
    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        bool defaults = args.Contains("--defaults");
        int epochs = HarnessArguments.Integer(args, "--epochs", 5);
        int threads = HarnessArguments.Integer(args, "--threads", Environment.ProcessorCount);
        string? directory = Mnist.ResolveDirectory(HarnessArguments.Text(args, "--mnist"));
        if (directory is null)
        {
            Console.Error.WriteLine(Mnist.MissingFilesMessage);
            Environment.Exit(2);
        }

        var clock = Stopwatch.StartNew();
        var train = Mnist.Load(directory, MnistPart.Train, HarnessArguments.Text(args, "--train-rows") is null ? null : HarnessArguments.Integer(args, "--train-rows", 0));
        var test = Mnist.Load(directory, MnistPart.Test);
        Console.WriteLine($"MNIST loaded in {clock.Elapsed.TotalSeconds:F2} s ({train.Count} train, {test.Count} test rows); {threads} thread(s)");

        // Forward + backward FLOPs of one epoch: 2·m·n·k for each product, the input-gradient product of the first layer skipped.
        const int batchSize = 128;
        double flopsPerRow = 2.0 * ((3.0 * ((256 * 128) + (128 * 10))) + (2.0 * 784 * 256));
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var options = defaults ? new MlpTrainerOptions { NumberOfEpochs = HarnessArguments.Text(args, "--epochs") is null ? null : epochs } : new MlpTrainerOptions
        {
            HiddenLayers = [256, 128],
            Optimizer = OptimizerKind.Adam,
            LearningRate = 1e-3f,
            LearningRateSchedule = LearningRateSchedule.Constant(),
            WeightDecay = 0f,
            DropoutRate = 0f,
            LabelSmoothing = 0f,
            WeightAveragingEpochs = 0f,
            ValidationFraction = 0f,
            EarlyStoppingPatience = 0,
            BatchSize = batchSize,
            NumberOfEpochs = epochs,
            Seed = 1,
        };
        options.NumberOfThreads = threads;
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var cpuSeconds = new List<double>();
        bool measureFloor = args.Contains("--floor") && !defaults;
        using var floorPool = measureFloor && threads > 1 ? new WorkerPool(threads) : null;
        var floor = measureFloor ? new ProductFloor(new Gemm(floorPool), batchSize) : null;
        int stepsPerEpoch = (train.Count + batchSize - 1) / batchSize;
        var ratios = new List<double>();
        options.EpochCompleted = record =>
        {
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            cpuSeconds.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            cpuBefore = process.TotalProcessorTime;
            string throughput = defaults ? string.Empty : $", {flopsPerRow * train.Count / record.Seconds / 1e9:F1} GFLOP/s";
            string validation = record.ValidationMetric is { } metric ? $", validation {metric:F4}" : string.Empty;
            Console.WriteLine($"  epoch {record.Epoch}: loss {record.TrainLoss:F4}{validation}, {record.Seconds:F3} s ({cpuSeconds[^1]:F3} s CPU){throughput}, allocated {allocated - allocatedBefore:N0} bytes");
            if (floor is not null)
            {
                double floorSeconds = floor.StepSeconds() * stepsPerEpoch;
                ratios.Add(record.Seconds / floorSeconds);
                Console.WriteLine($"    GEMM floor now: {floorSeconds:F3} s (the eight products of its {stepsPerEpoch} steps, timed right after it); epoch / floor {ratios[^1]:F2}×");
            }

            allocatedBefore = allocated;
        };
        var fitClock = Stopwatch.StartNew();
        var model = new MlpTrainer(options).Fit(train);
        double fitSeconds = fitClock.Elapsed.TotalSeconds;
        var epochSeconds = model.History.Epochs.Select(e => e.Seconds).ToList();
        double accuracy = Accuracy(model, test);
        Console.WriteLine($"seconds per epoch: mean {epochSeconds.Average():F3}, best {epochSeconds.Min():F3} (epoch 1 includes JIT warm-up); CPU seconds of the process, best epoch: {cpuSeconds.Min():F3}");
        Console.WriteLine($"fit {fitSeconds:F1} s, {epochSeconds.Count} epochs ({(defaults ? "default options" : "the fixed network above")}), stopped: {model.History.StopReason}, best epoch {model.History.BestEpoch}");
        if (ratios.Count > 1)
        {
            var later = ratios.Skip(1).Order().ToList();
            Console.WriteLine($"epoch / GEMM floor of the same window, epochs 2+: best {later[0]:F2}×, median {later[later.Count / 2]:F2}×");
        }

        Console.WriteLine($"test accuracy: {accuracy:P2}");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }

    private static double Accuracy(MlpModel model, Dataset test)
    {
        var outputs = new float[test.Count * model.OutputSize];
        model.PredictBatch(test.Features, outputs);
        int correct = 0;
        for (int i = 0; i < test.Count; i++)
        {
            var row = outputs.AsSpan(i * model.OutputSize, model.OutputSize);
            correct += row.IndexOf(MaxOf(row)) == (int)test.Labels[i] ? 1 : 0;
        }

        return (double)correct / test.Count;
    }

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        float max = float.NegativeInfinity;
        foreach (float v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
