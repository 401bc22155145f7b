using MLNetScratchTrainer.Engine.Initializers;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Examples.Shared.Training;

/// <summary>Builds engine networks with their weights drawn by a chosen initializer (biases stay zero), for hand-written training loops.</summary>
public static class NetworkFactory
{
    /// <summary>Builds the layers of <paramref name="architecture"/> and fills every dense weight matrix from <paramref name="initializer"/>.</summary>
    /// <param name="architecture">Sizes, activation and head.</param>
    /// <param name="initializer">Draws each fan-in × fan-out weight matrix.</param>
    /// <param name="seed">Seed of the weights (and of dropout masks, if any).</param>
    /// <param name="gemm">The matrix multiplier, with or without worker threads.</param>
    public static Network Create(MlpArchitecture architecture, IInitializer initializer, int seed, Gemm gemm)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(initializer);
        var network = architecture.Build(gemm, new Rng(seed + 1));
        var rng = new Rng(seed);
        foreach (var dense in network.Layers.OfType<Dense>())
        {
            initializer.Initialize(dense.Weight.Value, dense.InputSize, dense.OutputSize, rng);
        }

        return network;
    }
}
