using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Gradients;

/// <summary>
/// Verifies backpropagation: runs a backward pass, computes the same gradients by central differences
/// (<see cref="NumericalGradient"/>) and compares them tensor by tensor. A correct backward pass agrees to
/// about 1e-4 of the gradient's scale in float32; a wrong formula typically disagrees by 10% or more.
/// </summary>
/// <remarks>
/// The function checked must be deterministic. Dropout in training mode draws a new mask on every forward
/// pass, so networks and layers with active dropout are rejected: check them without dropout, and check
/// dropout on its own with its mask fixed (y = mask ⊙ x is linear in x, so its gradient is the mask).
/// Batch normalisation is checked in training mode, through its batch statistics; the running statistics
/// that the many forward passes move are restored afterwards.
/// </remarks>
public static class GradientCheck
{
    /// <summary>Checks every parameter of a network on one batch, in training mode.</summary>
    /// <param name="network">A network without active dropout.</param>
    /// <param name="input">The batch.</param>
    /// <param name="labels">Labels of the batch, as for <see cref="Network.ForwardLoss"/>.</param>
    /// <param name="weights">Per-row weights, or empty for weight 1.</param>
    /// <param name="step">h of the central differences.</param>
    /// <exception cref="ArgumentException">The network has active dropout.</exception>
    public static GradientCheckResult Run(Network network, Matrix input, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights = default, double step = 1e-3)
    {
        NumericalGradient.RequireNoDropout(network);
        float[][] state = Save(network.State);
        try
        {
            network.ForwardLoss(input, labels, weights, training: true);
            network.Backward();
            float[][] analytic = Save(network.Parameters, gradients: true);
            var numerical = NumericalGradient.ForNetwork(network, input, labels, weights, step);
            return new([.. network.Parameters.Select((p, i) => GradientComparison.Compare(p.Name, analytic[i], numerical[i]))]);
        }
        finally
        {
            Restore(network.State, state);
        }
    }

    /// <summary>
    /// Checks one layer: its input gradient ("input") and every parameter, for the loss
    /// L = Σ outputGradient ⊙ layer(input), whose gradient with respect to the output is exactly <paramref name="outputGradient"/>.
    /// </summary>
    /// <param name="layer">The layer; it must accept <paramref name="input"/>'s shape.</param>
    /// <param name="input">The batch fed to the layer.</param>
    /// <param name="outputGradient">∂L/∂output, the same shape as the output (random values exercise every path).</param>
    /// <param name="training">Forward mode: training for batch statistics, inference for running ones.</param>
    /// <param name="step">h of the central differences.</param>
    /// <exception cref="ArgumentException">The layer is dropout with a positive rate in training mode.</exception>
    public static GradientCheckResult Run(ILayer layer, Matrix input, Matrix outputGradient, bool training = true, double step = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (training && layer is Dropout { Rate: > 0f })
        {
            throw new ArgumentException("Dropout draws a new mask on every training forward pass; check the fixed-mask function y = mask ⊙ x instead.", nameof(layer));
        }

        float[][] state = Save(layer.State);
        try
        {
            layer.Forward(input, training);
            float[] inputGradient = layer.Backward(outputGradient).Span.ToArray();
            float[][] analytic = Save(layer.Parameters, gradients: true);
            double Loss() => Dot(layer.Forward(input, training).Span, outputGradient.Span);
            GradientComparison[] comparisons =
            [
                GradientComparison.Compare("input", inputGradient, NumericalGradient.Compute(Loss, input.Span, step)),
                .. layer.Parameters.Select((p, i) => GradientComparison.Compare(p.Name, analytic[i], NumericalGradient.Compute(Loss, p.Value, step))),
            ];
            return new(comparisons);
        }
        finally
        {
            Restore(layer.State, state);
        }
    }

    /// <summary>Checks a loss head's ∂L/∂logits for a batch of logits, labels and optional per-row weights.</summary>
    /// <param name="head">The head.</param>
    /// <param name="logits">The logits, batch × <see cref="ILossHead.Width"/>.</param>
    /// <param name="labels">Labels, batch × <see cref="ILossHead.LabelWidth"/>.</param>
    /// <param name="weights">Per-row weights, or empty for weight 1.</param>
    /// <param name="step">h of the central differences.</param>
    public static GradientCheckResult Run(ILossHead head, Matrix logits, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights = default, double step = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(logits);
        float[] labelValues = labels.ToArray(), weightValues = weights.ToArray();
        double Loss() => head.Loss(logits, labelValues, weightValues);
        Loss();
        float[] analytic = head.Backward().Span.ToArray();
        return new([GradientComparison.Compare("logits", analytic, NumericalGradient.Compute(Loss, logits.Span, step))]);
    }

    private static double Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        double sum = 0;
        for (int i = 0; i < left.Length; i++)
        {
            sum += (double)left[i] * right[i];
        }

        return sum;
    }

    private static float[][] Save(IReadOnlyList<Parameter> tensors, bool gradients = false)
        => [.. tensors.Select(t => (float[])(gradients ? t.Gradient : t.Value).Clone())];

    private static void Restore(IReadOnlyList<Parameter> tensors, float[][] values)
    {
        for (int i = 0; i < tensors.Count; i++)
        {
            values[i].CopyTo(tensors[i].Value, 0);
        }
    }
}
