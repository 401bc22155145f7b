namespace MLNetScratchTrainer.Engine.Gradients;

/// <summary>The outcome of a <see cref="GradientCheck"/>: one <see cref="GradientComparison"/> per tensor.</summary>
public sealed class GradientCheckResult
{
    /// <summary>Creates a result from its comparisons.</summary>
    public GradientCheckResult(IReadOnlyList<GradientComparison> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        Tensors = tensors;
    }

    /// <summary>One comparison per checked tensor, in the order they were checked.</summary>
    public IReadOnlyList<GradientComparison> Tensors { get; }

    /// <summary>The worst <see cref="GradientComparison.MaxRelativeError"/> over every tensor.</summary>
    public double MaxRelativeError => Tensors.Count == 0 ? 0 : Tensors.Max(t => t.MaxRelativeError);

    /// <summary>True when every tensor passes, as defined by <see cref="GradientComparison.Passed"/>.</summary>
    public bool Passed(double tolerance, double absoluteTolerance = 0) => Tensors.All(t => t.Passed(tolerance, absoluteTolerance));

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", Tensors);
}
