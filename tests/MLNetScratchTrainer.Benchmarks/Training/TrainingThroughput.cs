using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Benchmarks.Training;

/// <summary>
/// End-to-end training speed through <see cref="MlpTrainer.Fit"/>: microseconds per training row (best epoch) for
/// every <see cref="TrainingSetup"/>, and each MNIST batch size's per-row throughput as a share of batch 128's.
/// Arguments: [--epochs N] [--threads N] [--only TEXT] (the setups whose name contains TEXT).
/// </summary>
public static class TrainingThroughput
{
    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        int epochs = HarnessArguments.Integer(args, "--epochs", 4);
        int threads = HarnessArguments.Integer(args, "--threads", Environment.ProcessorCount);
        Console.WriteLine($"Training throughput, {threads} thread(s), best of {epochs} epochs (epoch 1 includes JIT warm-up)");
        double? mnistReference = null;
        foreach (var setup in TrainingSetup.Selected(args))
        {
            var data = setup.Data();
            // Small sets run more epochs, so every setup trains on about as many rows and its best epoch is as reliable.
            int setupEpochs = Math.Max(epochs, (int)(epochs * 20_000L / setup.Rows));
            var model = new MlpTrainer(setup.Options(setupEpochs, threads)).Fit(data);
            double best = model.History.Epochs.Min(e => e.Seconds);
            double microsecondsPerRow = best / setup.TrainingRows * 1e6;
            string share = "";
            if (setup.Features == 784)
            {
                mnistReference ??= microsecondsPerRow;
                share = $"  {mnistReference.Value / microsecondsPerRow,6:P0} of the first line's rows/s";
            }

            Console.WriteLine($"  {setup.Name,-42} {microsecondsPerRow,7:F2} µs/row  {setup.TrainingRows / best,10:N0} rows/s{share}");
        }
    }
}
