using System.Diagnostics;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Benchmarks.Training;

/// <summary>
/// End-to-end training speed through <c>MlpTrainer.Fit</c> (in memory): microseconds per training row (best epoch) for
/// every <see cref="TrainingSetup"/>, and each MNIST batch size's per-row throughput as a share of batch 128's.
/// Beside the wall time it prints the process's CPU time per row (best epoch, measured between the epoch callbacks, so it
/// includes the default validation pass): on a machine shared with other jobs that figure, with <c>--threads 1</c>, is
/// the steadier one, since waiting for a core costs wall time but no CPU time.
/// A throwaway fit of the first setup comes before the timed ones.
/// Arguments: [--epochs N] [--threads N] (without it, the default: <c>NumberOfThreads</c> unset) [--only TEXT] (the setups whose name contains TEXT).
/// </summary>
public static class TrainingThroughput
{
    private const int WarmUpEpochs = 8;

    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        int epochs = HarnessArguments.Integer(args, "--epochs", 4);
        int? threads = HarnessArguments.Text(args, "--threads") is null ? null : HarnessArguments.Integer(args, "--threads", 1);
        string threadCount = threads is null ? $"the default threads ({Environment.ProcessorCount} cores, or the calling thread alone while that is faster)" : $"{threads} thread(s)";
        Console.WriteLine($"Training throughput, {threadCount}, best of {epochs} epochs (epoch 1 includes JIT warm-up)");
        Console.WriteLine($"  {"setup",-50} {"wall µs/row",11} {"CPU µs/row",11} {"rows/s",10}");
        double? mnistReference = null;
        using var process = Process.GetCurrentProcess();

        // .NET replaces a method's first, instrumented code with optimised code only after some hundreds of training steps
        // (tiered compilation with dynamic PGO): without a throwaway fit first, the first setup would be timed on slower
        // code than those after it (MNIST at batch 128, best of 4 epochs: 7.8 µs per row against 6.3).
        var first = TrainingSetup.Selected(args).First();
        new MlpTrainer(first.Options(WarmUpEpochs, threads)).Fit(first.Data());
        foreach (var setup in TrainingSetup.Selected(args))
        {
            var data = setup.Data();
            // Small sets run more epochs, so every setup trains on about as many rows and its best epoch is as reliable.
            int setupEpochs = Math.Max(epochs, (int)(epochs * 20_000L / setup.Rows));
            var options = setup.Options(setupEpochs, threads);
            double bestCpu = double.PositiveInfinity;
            TimeSpan lastCpu = TimeSpan.Zero;
            options.EpochCompleted = record =>
            {
                process.Refresh();
                TimeSpan cpu = process.TotalProcessorTime;
                if (record.Epoch > 1)
                {
                    bestCpu = Math.Min(bestCpu, (cpu - lastCpu).TotalSeconds);
                }

                lastCpu = cpu;
            };
            var model = new MlpTrainer(options).Fit(data);
            double best = model.History.Epochs.Min(e => e.Seconds);
            double microsecondsPerRow = best / setup.TrainingRows * 1e6;
            string share = "";
            if (setup.Features == 784)
            {
                mnistReference ??= microsecondsPerRow;
                share = $"  {mnistReference.Value / microsecondsPerRow,6:P0} of the first line's rows/s";
            }

            Console.WriteLine($"  {setup.Name,-50} {microsecondsPerRow,11:F2} {bestCpu / setup.TrainingRows * 1e6,11:F2} {setup.TrainingRows / best,10:N0}{share}");
        }
    }
}
