using System.Diagnostics;
using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Benchmarks.Training;

/// <summary>
/// Where the time of one training step goes, without a profiler: the harness runs the trainer's step (gather a batch of
/// shuffled rows through the input preprocessing, forward, loss, backward with the optimizer's step fused into it, the
/// rest of the step, the weight average) itself, with a <see cref="Stopwatch"/> timestamp between the phases, and prints
/// microseconds per step for each phase (the median over the steps; the step column is their sum), and the mean and
/// 90th percentile of whole steps (a step whose worker thread was late counts in these, not in the medians). As in the trainer,
/// Adam and AdamW update each block of a dense layer's weights as the weight-gradient product finishes it (so that
/// time is in "dense backward"); <c>--unfused</c> steps after backward instead (the trainer before the fused step),
/// <c>--serial-optimizer</c> also keeps that step on the calling thread.
/// Arguments: [--steps N] [--threads N] [--unfused] [--serial-optimizer] [--only TEXT].
/// </summary>
public static class StepBreakdown
{
    private static readonly string[] Phases =
        ["gather batch", "dense forward", "activation/dropout fwd", "loss + gradient", "dense backward", "activation/dropout bwd", "optimizer", "average"];

    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        int steps = HarnessArguments.Integer(args, "--steps", 2000);
        int threads = HarnessArguments.Integer(args, "--threads", Environment.ProcessorCount);
        bool serialOptimizer = args.Contains("--serial-optimizer");
        bool fused = !serialOptimizer && !args.Contains("--unfused");
        string mode = fused ? "optimizer step fused into backward" : serialOptimizer ? "optimizer after backward, on one thread" : "optimizer after backward";
        Console.WriteLine($"Training step breakdown, {threads} thread(s), {mode}, µs per step (median of {steps} steps after {steps / 4} warm-up steps)");
        Console.WriteLine($"  {"setup",-42} {string.Join(" ", Phases.Select(p => $"{p,10}"))} {"step",8} {"µs/row",7} {"mean",8} {"p90",8}");
        foreach (var setup in TrainingSetup.Selected(args))
        {
            var (perStep, mean, p90) = Measure(setup, steps, threads, serialOptimizer, fused);
            double total = perStep.Sum();
            Console.WriteLine($"  {setup.Name,-42} {string.Join(" ", perStep.Select(t => $"{t,10:F1}"))} {total,8:F1} {total / setup.BatchSize,7:F2} {mean,8:F1} {p90,8:F1}");
        }

        Console.WriteLine($"  (columns: {string.Join(", ", Phases)}; step: the sum of the phases' medians; mean and p90: of whole steps, which a late worker thread lengthens)");
    }

    private static (double[] PhaseMedians, double StepMean, double StepP90) Measure(TrainingSetup setup, int steps, int threads, bool serialOptimizer, bool fused)
    {
        var data = setup.Data();
        var options = setup.Options(epochs: 1, threads);
        var architecture = new MlpArchitecture(setup.Features, setup.Hidden, setup.Classes == 2 ? 1 : setup.Classes, setup.Task, Activation.Relu, setup.DropoutRate);
        using var pool = threads > 1 ? new WorkerPool(threads) : null;
        var network = architecture.Build(new Gemm(pool), new Rng(2));
        foreach (var activation in network.Layers.OfType<ActivationLayer>())
        {
            activation.Pool = pool;    // as the trainer
        }

        var initializer = InitializerFactory.Create(InitializerKind.Auto, reluLike: true);
        var rng = new Rng(1);
        foreach (var dense in network.Layers.OfType<Dense>())
        {
            initializer.Initialize(dense.Weight.Value, dense.InputSize, dense.OutputSize, rng);
        }

        int[] order = [.. Enumerable.Range(0, setup.TrainingRows)];
        rng.Shuffle(order);
        var preprocessor = PreprocessorFitter.Fit(data.Features, setup.Features, order, options.InputScaling, options.SmoothClipBound);
        var optimizer = OptimizerFactory.Create(setup.Optimizer, setup.OptimizerSettings, setup.WeightDecay, serialOptimizer ? null : pool);
        var fusedStep = fused && optimizer is IFusableOptimizer fusable ? new FusedStep(network.Parameters, fusable) : null;
        int batches = setup.TrainingRows / setup.BatchSize;
        var average = options.WeightAveragingEpochs > 0 ? new WeightAverage(network, WeightAverage.DecayFor(options.WeightAveragingEpochs, batches)) : null;
        var batch = new BatchBuffer(setup.BatchSize, setup.Features, labelWidth: 1, preprocessor, pool: pool);
        var ticks = new long[steps, Phases.Length];
        int warmUp = steps / 4;
        for (int step = 0; step < warmUp + steps; step++)
        {
            int row = Math.Max(0, step - warmUp);    // warm-up steps add to row 0, cleared for the first timed step
            if (step == warmUp)
            {
                for (int phase = 0; phase < Phases.Length; phase++)
                {
                    ticks[0, phase] = 0;
                }
            }

            int first = step % batches * setup.BatchSize;
            long start = Stopwatch.GetTimestamp();
            batch.Gather(data, data.Labels, order.AsSpan(first, setup.BatchSize));
            start = Lap(ticks, row, 0, start);

            Matrix x = batch.Features;
            foreach (var layer in network.Layers)
            {
                x = layer.Forward(x, training: true);
                start = Lap(ticks, row, layer is Dense ? 1 : 2, start);
            }

            network.Head.Loss(x, batch.Labels, default);
            Matrix gradient = network.Head.Backward();
            start = Lap(ticks, row, 3, start);
            fusedStep?.Begin(setup.LearningRate);
            for (int i = network.Layers.Count - 1; i > 0; i--)
            {
                gradient = network.Layers[i].Backward(gradient);
                start = Lap(ticks, row, network.Layers[i] is Dense ? 4 : 5, start);
            }

            network.Layers[0].BackwardToParameters(gradient);    // as the trainer: no gradient of the data
            start = Lap(ticks, row, 4, start);

            if (fusedStep is null)
            {
                optimizer.Step(network.Parameters, setup.LearningRate);
            }
            else
            {
                fusedStep.End();
            }

            start = Lap(ticks, row, 6, start);
            average?.Update();
            Lap(ticks, row, 7, start);
        }

        double microseconds = 1e6 / Stopwatch.Frequency;
        double[] stepTimes = [.. Enumerable.Range(0, steps).Select(step => Enumerable.Range(0, Phases.Length).Sum(phase => ticks[step, phase]) * microseconds)];
        Array.Sort(stepTimes);
        return ([.. Enumerable.Range(0, Phases.Length).Select(phase => Median(ticks, phase) * microseconds)], stepTimes.Average(), stepTimes[steps * 9 / 10]);
    }

    private static long Lap(long[,] ticks, int step, int phase, long start)
    {
        long now = Stopwatch.GetTimestamp();
        ticks[step, phase] += now - start;
        return now;
    }

    /// <summary>The median over steps of one phase: steps in which another job took the core do not move it.</summary>
    private static double Median(long[,] ticks, int phase)
    {
        long[] values = [.. Enumerable.Range(0, ticks.GetLength(0)).Select(step => ticks[step, phase])];
        Array.Sort(values);
        return values[values.Length / 2];
    }
}
