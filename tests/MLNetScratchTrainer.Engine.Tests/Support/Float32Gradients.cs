namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>The step and tolerances of every numerical-versus-backpropagation gradient comparison in the suite.</summary>
/// <remarks>
/// <para>
/// The engine computes in float32 (unit roundoff u = 2⁻²⁴ ≈ 6e-8). A central difference with step h has a
/// truncation error of about h²·|f‴|/6 and a rounding error of about u·|f|/h per rounding on the way to the
/// loss; h = 5e-3 is near the optimum ∛(3u) ≈ 6e-3, and on these problems (values of order 1, a few layers)
/// the measured <see cref="Engine.Gradients.GradientComparison.MaxRelativeError"/> stays below 1e-3. A tolerance
/// of 1e-2 leaves a margin of ten, while a wrong derivative (a missing factor or term, a transposed product,
/// a dropped batch-statistics path) is off by far more than 1% of the gradient's scale.
/// </para>
/// <para>
/// Tensors whose true gradient is zero (a dense bias followed by batch normalisation) have no scale to be
/// relative to: both sides are rounding noise, measured at up to 3e-5 here. Such tensors are judged by
/// <see cref="AbsoluteTolerance"/>; the gradients the suite checks are 0.01 to 1 in size, so a real error
/// cannot hide under it.
/// </para>
/// </remarks>
internal static class Float32Gradients
{
    public const double Step = 5e-3;

    public const double Tolerance = 1e-2;

    public const double AbsoluteTolerance = 2e-4;
}
