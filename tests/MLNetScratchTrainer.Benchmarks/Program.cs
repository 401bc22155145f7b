using BenchmarkDotNet.Running;
using MLNetScratchTrainer.Benchmarks;
using MLNetScratchTrainer.Benchmarks.MlNet;
using MLNetScratchTrainer.Benchmarks.Streaming;
using MLNetScratchTrainer.Benchmarks.Text;
using MLNetScratchTrainer.Benchmarks.Training;

switch (args.FirstOrDefault())
{
    case "gemm":
        GemmThroughput.Run(args.Skip(1).ToArray());
        break;
    case "mnist":
        MnistHarness.Run(args.Skip(1).ToArray());
        break;
    case "training":
        TrainingThroughput.Run(args.Skip(1).ToArray());
        break;
    case "steps":
        StepBreakdown.Run(args.Skip(1).ToArray());
        break;
    case "stream":
        StreamingBenchmark.Run(args.Skip(1).ToArray());
        break;
    case "text":
        TextComparison.Run(args.Skip(1).ToArray());
        break;
    case "inference":
        InferenceLatency.Run(args.Skip(1).ToArray());
        MlNetInference.Run(args.Skip(1).ToArray());
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(GemmShapes).Assembly).Run(args);
        break;
}
