namespace MLNetScratchTrainer.Engine.Gradients;

/// <summary>How closely a backpropagated gradient matches the numerical one, for one tensor.</summary>
/// <param name="Name">The tensor, for example "dense0.weight" or "input".</param>
/// <param name="MaxAbsoluteDifference">The largest |analytic − numerical| over the tensor's values.</param>
/// <param name="MaxRelativeError">
/// <see cref="MaxAbsoluteDifference"/> divided by the largest gradient magnitude in the tensor (analytic or
/// numerical); 0 when both gradients are zero, NaN when either holds a NaN. Measuring against the tensor's
/// scale rather than each value's keeps values whose true gradient is near zero, where the numerical
/// estimate is mostly rounding noise, from producing meaningless ratios.
/// </param>
public sealed record GradientComparison(string Name, double MaxAbsoluteDifference, double MaxRelativeError)
{
    /// <summary>Compares two gradients of the same tensor, value by value.</summary>
    /// <exception cref="ArgumentException">The two gradients have different lengths.</exception>
    public static GradientComparison Compare(string name, ReadOnlySpan<float> analytic, ReadOnlySpan<double> numerical)
    {
        if (analytic.Length != numerical.Length)
        {
            throw new ArgumentException($"Tensor {name}: {analytic.Length} analytic values but {numerical.Length} numerical ones.", nameof(numerical));
        }

        double largest = 0, difference = 0;
        for (int i = 0; i < analytic.Length; i++)
        {
            largest = Math.Max(largest, Math.Max(Math.Abs(analytic[i]), Math.Abs(numerical[i])));
            difference = Math.Max(difference, Math.Abs(analytic[i] - numerical[i]));
        }

        return new GradientComparison(name, difference, largest > 0 || double.IsNaN(largest) ? difference / largest : 0);
    }

    /// <summary>
    /// True when <see cref="MaxRelativeError"/> is at most <paramref name="tolerance"/>, or <see cref="MaxAbsoluteDifference"/>
    /// at most <paramref name="absoluteTolerance"/> (never for NaN).
    /// </summary>
    /// <param name="tolerance">Largest accepted relative error, for example 1e-2 in float32.</param>
    /// <param name="absoluteTolerance">
    /// Largest difference accepted whatever the gradient's scale: for tensors whose true gradient is zero, where
    /// both sides are rounding noise (the bias of a dense layer followed by batch normalisation, which removes
    /// any constant shift). 0 judges every tensor by its relative error.
    /// </param>
    public bool Passed(double tolerance, double absoluteTolerance = 0) => MaxRelativeError <= tolerance || MaxAbsoluteDifference <= absoluteTolerance;

    /// <inheritdoc />
    public override string ToString() => $"{Name}: max |difference| {MaxAbsoluteDifference:G3}, max relative error {MaxRelativeError:G3}";
}
