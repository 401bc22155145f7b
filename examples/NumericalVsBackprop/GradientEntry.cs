namespace MLNetScratchTrainer.Examples.NumericalVsBackprop;

/// <summary>One parameter's gradient computed both ways.</summary>
/// <param name="Tensor">The parameter tensor, such as "dense0.weight".</param>
/// <param name="Index">The position in the tensor, row-major.</param>
/// <param name="Backprop">∂L/∂w from the backward pass.</param>
/// <param name="Numerical">(L(w + h) − L(w − h)) / 2h.</param>
internal sealed record GradientEntry(string Tensor, int Index, double Backprop, double Numerical)
{
    public double Difference => Math.Abs(Numerical - Backprop);
}
