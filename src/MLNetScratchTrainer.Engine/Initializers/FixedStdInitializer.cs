namespace MLNetScratchTrainer.Engine.Initializers;

/// <summary>
/// Normal(0, std²) with the same small std for every layer, the classic first demo (0.01 in Saito's book).
/// It works for shallow networks; in deeper ones activations shrink towards zero, which
/// <see cref="XavierInitializer"/> and <see cref="HeInitializer"/> avoid by scaling with the layer's size.
/// </summary>
public sealed class FixedStdInitializer : NormalInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="std">The standard deviation, finite and greater than 0.</param>
    public FixedStdInitializer(float std = 0.01f)
    {
        if (!(std > 0f && float.IsFinite(std)))
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, $"std must be finite and greater than 0 but was {std}.");
        }

        Std = std;
    }

    /// <summary>The standard deviation used for every layer.</summary>
    public float Std { get; }

    /// <inheritdoc />
    public override float StandardDeviation(int fanIn, int fanOut) => Std;
}
