using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Initializers;

/// <summary>
/// Draws every weight from a normal distribution with mean 0. Subclasses only choose the standard deviation,
/// which is what matters: too small and the signal fades layer after layer, too large and it explodes.
/// </summary>
public abstract class NormalInitializer : IInitializer
{
    /// <summary>The standard deviation used for a fanIn × fanOut weight matrix.</summary>
    /// <param name="fanIn">Number of inputs of the layer (rows of the weight matrix).</param>
    /// <param name="fanOut">Number of outputs of the layer (columns of the weight matrix).</param>
    public abstract float StandardDeviation(int fanIn, int fanOut);

    /// <inheritdoc />
    public void Initialize(Span<float> weights, int fanIn, int fanOut, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanOut);
        if (weights.Length != checked(fanIn * fanOut))
        {
            throw new ArgumentException(
                $"A {fanIn}x{fanOut} weight matrix has {fanIn * fanOut} values but the span holds {weights.Length}.", nameof(weights));
        }

        float std = StandardDeviation(fanIn, fanOut);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = std * rng.NextNormal();
        }
    }
}
