using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Benchmarks.Text;

/// <summary>
/// Sparse text features: the Amazon fine-food reviews (great/other) through <c>FeaturizeText</c> with its defaults,
/// then the Mlp trained on the sparse rows (CSR, first layer through <see cref="SparseInputNetwork"/>, lazy AdamW)
/// beside SdcaLogisticRegression and LbfgsLogisticRegression. Each trainer runs in its own process, so its peak
/// memory is its own: fit seconds, wall and CPU (the featurized data cached beforehand), peak working set, test AUC.
/// Arguments: [--data DIR] [--epochs N] [--threads N] [--only mlp|sdca|lbfgs].
/// </summary>
public static class TextComparison
{
    private static readonly string[] Trainers = ["mlp", "sdca", "lbfgs"];

    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        string directory = HarnessArguments.Text(args, "--data") ?? FindData();
        if (HarnessArguments.Text(args, "--only") is not string only)
        {
            Console.WriteLine($"Text: {directory}, FeaturizeText defaults; each trainer in its own process");
            foreach (string trainer in Trainers)
            {
                RunChild(args, trainer);
            }

            return;
        }

        var ml = new MLContext(seed: 1);
        var clock = Stopwatch.StartNew();
        var (train, test) = Featurize(ml, directory);
        double featurizeSeconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        long baseline = process.WorkingSet64;
        var cpuBefore = process.TotalProcessorTime;
        clock.Restart();
        IDataView scored = only switch
        {
            "mlp" => FitMlp(ml, train, test, HarnessArguments.Integer(args, "--epochs", 10), HarnessArguments.Integer(args, "--threads", Environment.ProcessorCount)),
            "sdca" => ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(train).Transform(test),
            "lbfgs" => ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(train).Transform(test),
            _ => throw new ArgumentException($"--only must be one of {string.Join(", ", Trainers)}, not '{only}'."),
        };
        double fitSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        double auc = ml.BinaryClassification.Evaluate(scored).AreaUnderRocCurve;
        Console.WriteLine(
            $"  {only,-6} fit {fitSeconds,7:F2} s ({cpuSeconds,6:F2} s CPU)   peak working set {process.PeakWorkingSet64 / 1e6,6:F0} MB (after featurizing: {baseline / 1e6:F0} MB)   " +
            $"test AUC {auc:F4}   (featurize {featurizeSeconds:F1} s)");
    }

    private static double Milliseconds(long ticks, int steps) => ticks * 1e3 / Stopwatch.Frequency / steps;

    private static string FindData()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (string candidate in new[] { Path.Combine(directory.FullName, "shared", "datasets", "text"), Path.Combine(directory.FullName, "datasets", "text") })
            {
                if (File.Exists(Path.Combine(candidate, "fine_foods_train.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("fine_foods_train.csv not found in a shared/datasets/text folder above the current directory; pass --data DIR.");
    }

    private static void RunChild(string[] args, string trainer)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(TextComparison).Assembly.Location);
        }

        start.ArgumentList.Add("text");
        foreach (string argument in args.Append("--only").Append(trainer))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        child.WaitForExit();
    }

    private static (IDataView Train, IDataView Test) Featurize(MLContext ml, string directory)
    {
        var loader = ml.Data.CreateTextLoader(
            [new TextLoader.Column("review", DataKind.String, 0), new TextLoader.Column("score", DataKind.String, 1)],
            separatorChar: ',', hasHeader: true, allowQuoting: true);
        var pipeline = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["great"] = true, ["other"] = false }, "score")
            .Append(ml.Transforms.Text.FeaturizeText("Features", "review"));
        var trainRaw = loader.Load(Path.Combine(directory, "fine_foods_train.csv"));
        var featurizer = pipeline.Fit(trainRaw);
        var train = ml.Data.Cache(featurizer.Transform(trainRaw), "Features", "Label");
        var test = ml.Data.Cache(featurizer.Transform(loader.Load(Path.Combine(directory, "fine_foods_test.csv"))), "Features", "Label");
        SparseRows.Read(train, "Features", "Label");
        SparseRows.Read(test, "Features", "Label");
        return (train, test);
    }

    /// <summary>
    /// The Mlp with the plugin's default network and optimizer (one hidden layer of 64 ReLU, AdamW lr 0.02 with weight
    /// decay 0.1, batch 32) trained on CSR rows; returns the test rows scored.
    /// </summary>
    private static IDataView FitMlp(MLContext ml, IDataView trainView, IDataView testView, int epochs, int threads)
    {
        const int batchSize = 32;
        const float learningRate = 0.02f;
        var train = SparseRows.Read(trainView, "Features", "Label");
        Console.WriteLine($"  mlp: {train.Labels.Length} rows, {train.Features.Columns:N0} slots, {train.Features.NonZeroCount / (double)train.Labels.Length:F0} non-zeros per row");
        var architecture = new MlpArchitecture(train.Features.Columns, [64], 1, MlpTask.BinaryClassification);
        using var pool = threads > 1 ? new WorkerPool(threads) : null;
        var network = architecture.Build(new Gemm(pool), new Rng(2));
        var initializer = InitializerFactory.Create(InitializerKind.Auto, reluLike: true);
        var rng = new Rng(1);
        foreach (var dense in network.Layers.OfType<Dense>())
        {
            initializer.Initialize(dense.Weight.Value, dense.InputSize, dense.OutputSize, rng);
        }

        var sparse = new SparseInputNetwork(network, new SparseGemm(pool));
        var optimizer = new AdamW(weightDecay: 0.1f, pool: pool);
        var batch = new SparseMatrix(train.Features.Columns);
        var labels = new float[batchSize];
        int[] order = [.. Enumerable.Range(0, train.Labels.Length)];
        long forward = 0, backward = 0, step = 0, touched = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            for (int first = 0; first < order.Length; first += batchSize)
            {
                batch.Clear();
                int rows = Math.Min(batchSize, order.Length - first);
                for (int i = 0; i < rows; i++)
                {
                    batch.AppendRowFrom(train.Features, order[first + i]);
                    labels[i] = train.Labels[order[first + i]];
                }

                long start = Stopwatch.GetTimestamp();
                sparse.ForwardLoss(batch, labels.AsSpan(0, rows), default);
                long afterForward = Stopwatch.GetTimestamp();
                sparse.Backward();
                long afterBackward = Stopwatch.GetTimestamp();
                optimizer.Step(network.Parameters, learningRate);
                touched += network.Parameters[0].GradientRows!.Value.Length;
                (forward, backward, step) = (forward + afterForward - start, backward + afterBackward - afterForward, step + Stopwatch.GetTimestamp() - afterBackward);
            }
        }

        int steps = epochs * ((order.Length + batchSize - 1) / batchSize);
        Console.WriteLine(
            $"  mlp: {epochs} epochs, {steps} steps; per step {Milliseconds(forward, steps):F2} ms forward + loss, {Milliseconds(backward, steps):F2} ms backward, " +
            $"{Milliseconds(step, steps):F2} ms AdamW ({touched / steps:N0} of {train.Features.Columns:N0} first-layer rows touched per step)");

        var test = SparseRows.Read(testView, "Features", "Label");
        var logits = sparse.Forward(test.Features, training: false);
        var scored = Enumerable.Range(0, test.Labels.Length).Select(i => new ScoredReview
        {
            Label = test.Labels[i] == 1f,
            Score = logits[i, 0],
            Probability = Sigmoid.Function(logits[i, 0]),
            PredictedLabel = logits[i, 0] > 0f,
        });
        return ml.Data.LoadFromEnumerable(scored.ToList());
    }
}
