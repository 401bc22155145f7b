using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Initializers;

/// <summary>Fills a weight matrix with its starting values.</summary>
public interface IInitializer
{
    /// <summary>Fills <paramref name="weights"/>, a fanIn × fanOut matrix, from <paramref name="rng"/>.</summary>
    void Initialize(Span<float> weights, int fanIn, int fanOut, Rng rng);
}
