using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>Models with random tensors (no training), for tests of prediction and saving.</summary>
internal static class RandomModels
{
    /// <summary>
    /// A model of <paramref name="architecture"/> whose every tensor is random; batch-norm running variances are
    /// positive, so inference is well defined and every tensor influences the predictions.
    /// </summary>
    public static MlpModel Create(MlpArchitecture architecture, int seed, TargetScaling? targetScaling = null)
    {
        var network = architecture.Build(new Gemm(), new Rng(seed));
        foreach (var tensor in network.Tensors)
        {
            bool positive = tensor.Name.EndsWith(".running_var", StringComparison.Ordinal);
            RandomValues.Uniform(tensor.Value.Length, ++seed, positive ? 0.5f : -1f, positive ? 2f : 1f).CopyTo(tensor.Value, 0);
        }

        return MlpModel.FromNetwork(architecture, network, TrainingHistory.Empty, targetScaling);
    }
}
