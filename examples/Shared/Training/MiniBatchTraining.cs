using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Optimizers;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Examples.Shared.Progress;

namespace MLNetScratchTrainer.Examples.Shared.Training;

/// <summary>
/// The training loop written out, as in Saito's book: each iteration draws a random mini-batch, runs the forward
/// pass and the loss, backpropagates, and lets the optimizer update the weights. Records the loss of every iteration.
/// </summary>
public static class MiniBatchTraining
{
    /// <summary>Trains <paramref name="network"/> in place for <paramref name="iterations"/> mini-batches.</summary>
    /// <param name="network">A classification network whose labels are single values (class indices).</param>
    /// <param name="optimizer">The update rule (fresh state).</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="data">Training rows.</param>
    /// <param name="iterations">Number of updates.</param>
    /// <param name="batchSize">Rows per mini-batch, drawn at random with replacement between batches.</param>
    /// <param name="seed">Seed of the batch draws: the same seed gives every optimizer the same batches.</param>
    /// <param name="progress">Shows progress; null for none.</param>
    /// <returns>The mini-batch loss before each update.</returns>
    /// <exception cref="CheckFailedException">The loss became NaN or infinite.</exception>
    public static double[] Run(Network network, IOptimizer optimizer, float learningRate, Dataset data, int iterations, int batchSize, int seed, ProgressDisplay? progress)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var features = new Matrix(batchSize, data.FeatureCount);
        var labels = new float[batchSize * data.LabelWidth];
        var rng = new Rng(seed);
        var losses = new double[iterations];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            for (int i = 0; i < batchSize; i++)
            {
                int row = rng.NextInt(data.Count);
                data.FeatureRow(row).CopyTo(features.Row(i));
                data.LabelRow(row).CopyTo(labels.AsSpan(i * data.LabelWidth, data.LabelWidth));
            }

            double loss = network.ForwardLoss(features, labels, default);
            Check.That(double.IsFinite(loss), $"The loss became {loss} at iteration {iteration + 1}: training diverged (learning rate {learningRate}).");
            network.Backward();
            optimizer.Step(network.Parameters, learningRate);
            losses[iteration] = loss;
            progress?.Report(iteration + 1, iterations, loss);
        }

        return losses;
    }
}
