using System.Diagnostics;
using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Benchmarks.Streaming;

/// <summary>
/// What the bounded shuffle buffer costs in accuracy: MNIST (60,000 training rows) trained in memory with a full shuffle
/// every epoch, and streamed through shuffle buffers of several sizes, with the rows in the file's order and sorted by
/// label (the worst case for a bounded buffer: a buffer sees one or two classes at a time). Engine defaults except
/// hidden layers [128] and <c>--epochs</c> (default 4); test accuracy on the 10,000 test rows.
/// Arguments: --accuracy [--mnist DIR] [--epochs N] [--threads N].
/// </summary>
public static class ShuffleAccuracy
{
    private static readonly int?[] BufferRows = [1_000, 10_000, null];

    /// <summary>Runs the comparison.</summary>
    public static void Run(string[] args)
    {
        string directory = Mnist.ResolveDirectory(HarnessArguments.Text(args, "--mnist")) ?? throw new DirectoryNotFoundException(Mnist.MissingFilesMessage);
        var train = Mnist.Load(directory, MnistPart.Train);
        var test = Mnist.Load(directory, MnistPart.Test);
        int epochs = HarnessArguments.Integer(args, "--epochs", 4);
        int threads = HarnessArguments.Integer(args, "--threads", Environment.ProcessorCount);
        Console.WriteLine($"MNIST {train.Count} training rows, [128] hidden, {epochs} epochs, {threads} thread(s); default shuffle buffer {StreamingRulesRows(train)} rows (64 MB)");
        Report("in memory, full shuffle", train, options => new MlpTrainer(options).Fit(train), test, epochs, threads);
        foreach (var (order, data) in new[] { ("file order", train), ("sorted by label", SortedByLabel(train)) })
        {
            foreach (int? buffer in BufferRows)
            {
                Report($"streamed, {order}, buffer {(buffer is int rows ? rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "default")}", data, options =>
                {
                    options.ShuffleBufferRows = buffer;
                    return new MlpTrainer(options).Fit(new DatasetRowSource(data));
                }, test, epochs, threads);
            }
        }
    }

    private static int StreamingRulesRows(Dataset train) => Engine.Streaming.StreamingRules.ShuffleBufferRows(train.FeatureCount, 1, DataSizeRules.LargestBatch);

    private static void Report(string name, Dataset train, Func<MlpTrainerOptions, MlpModel> fit, Dataset test, int epochs, int threads)
    {
        var options = new MlpTrainerOptions { HiddenLayers = [128], NumberOfEpochs = epochs, NumberOfThreads = threads, Seed = 1 };
        var clock = Stopwatch.StartNew();
        var model = fit(options);
        Console.WriteLine($"  {name,-40} test accuracy {Accuracy(model, test):P2}  best validation accuracy {model.History.Epochs.Max(e => e.ValidationMetric):P2}  ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    private static double Accuracy(MlpModel model, Dataset test)
        => Enumerable.Range(0, test.Count).Count(row => model.PredictClass(test.FeatureRow(row)) == (int)test.Labels[row]) / (double)test.Count;

    private static Dataset SortedByLabel(Dataset data)
    {
        int[] order = [.. Enumerable.Range(0, data.Count).OrderBy(row => data.Labels[row]).ThenBy(row => row)];
        return new Dataset([.. order.SelectMany(row => data.FeatureRow(row).ToArray())], data.FeatureCount, [.. order.Select(row => data.Labels[row])]);
    }
}
