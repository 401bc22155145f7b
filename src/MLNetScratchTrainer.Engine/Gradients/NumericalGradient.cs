using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Gradients;

/// <summary>
/// Derivatives by central differences, ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h: two evaluations of the
/// loss per value, slow but independent of any derivative formula, hence the reference that
/// backpropagation is checked against (see <see cref="GradientCheck"/>).
/// </summary>
/// <remarks>
/// The values are float32, so x ± h is rounded when stored; the difference of the two losses is divided by
/// the step actually taken, (x + h) − (x − h) as stored, evaluated in double. The error has two parts:
/// truncation, about h²·|f‴|/6, and rounding in the float32 forward pass, about u·|f|/h with u = 2⁻²⁴.
/// They balance near h ≈ ∛(3u) ≈ 6e-3, so steps from 1e-3 to 1e-2 suit values of order 1.
/// </remarks>
public static class NumericalGradient
{
    /// <summary>
    /// The gradient of <paramref name="loss"/> with respect to every element of <paramref name="values"/>,
    /// which the loss must read. Each element is nudged, the loss evaluated, and the element restored.
    /// </summary>
    /// <param name="loss">Evaluates the scalar loss at the current <paramref name="values"/>.</param>
    /// <param name="values">The values to differentiate against; they are back to their original contents on return.</param>
    /// <param name="step">h, the distance of each nudge.</param>
    /// <exception cref="ArgumentException">The step is not positive, or too small to change a value in float32.</exception>
    public static double[] Compute(Func<double> loss, Span<float> values, double step = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (!(step > 0 && double.IsFinite(step)))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The step must be a positive finite number.");
        }

        var gradient = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            float original = values[i];
            float plus = (float)(original + step), minus = (float)(original - step);
            if (plus == minus)
            {
                throw new ArgumentException($"A step of {step} does not change the value {original} in float32; use a larger step.", nameof(step));
            }

            try
            {
                values[i] = plus;
                double lossPlus = loss();
                values[i] = minus;
                double lossMinus = loss();
                gradient[i] = (lossPlus - lossMinus) / ((double)plus - minus);
            }
            finally
            {
                values[i] = original;
            }
        }

        return gradient;
    }

    /// <summary>
    /// The gradient of the network's loss on a batch with respect to every value of every parameter, in the
    /// order of <see cref="Network.Parameters"/>. The network runs in training mode (as backpropagation does),
    /// so batch normalisation uses batch statistics and updates its running averages.
    /// </summary>
    /// <param name="network">The network; it must not contain active dropout.</param>
    /// <param name="input">The batch, one row per example.</param>
    /// <param name="labels">Labels of the batch, as for <see cref="Network.ForwardLoss"/>.</param>
    /// <param name="weights">Per-row weights, or empty for weight 1.</param>
    /// <param name="step">h, the distance of each nudge.</param>
    /// <exception cref="ArgumentException">The network has dropout with a positive rate: each forward pass would draw a new mask, so the loss would not be a function of the parameters.</exception>
    public static IReadOnlyList<double[]> ForNetwork(Network network, Matrix input, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights = default, double step = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireNoDropout(network);
        float[] labelValues = labels.ToArray(), weightValues = weights.ToArray();
        double Loss() => network.ForwardLoss(input, labelValues, weightValues, training: true);
        return [.. network.Parameters.Select(parameter => Compute(Loss, parameter.Value, step))];
    }

    /// <summary>Throws when the network has active dropout, whose masks would make the loss change from one evaluation to the next.</summary>
    internal static void RequireNoDropout(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Layers.OfType<Dropout>().Any(dropout => dropout.Rate > 0f))
        {
            throw new ArgumentException(
                "The network has dropout: every training forward pass draws a new mask, so numerical derivatives are meaningless. " +
                "Check a network built without dropout, and dropout on its own with its mask fixed.",
                nameof(network));
        }
    }
}
