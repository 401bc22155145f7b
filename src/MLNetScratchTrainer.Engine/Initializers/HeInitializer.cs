namespace MLNetScratchTrainer.Engine.Initializers;

/// <summary>
/// He/Kaiming normal initialisation (He et al., 2015): std = √(2 / fanIn). ReLU zeroes about half of its inputs,
/// halving the variance at every layer; the factor 2 compensates, so deep ReLU networks keep their signal.
/// </summary>
public sealed class HeInitializer : NormalInitializer
{
    /// <inheritdoc />
    public override float StandardDeviation(int fanIn, int fanOut) => MathF.Sqrt(2f / fanIn);
}
