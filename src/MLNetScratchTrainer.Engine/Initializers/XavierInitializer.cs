namespace MLNetScratchTrainer.Engine.Initializers;

/// <summary>
/// Xavier/Glorot normal initialisation (Glorot and Bengio, 2010): std = √(2 / (fanIn + fanOut)).
/// It keeps the variance of activations and of gradients roughly constant across layers for activations that
/// are linear around zero (sigmoid, tanh).
/// </summary>
/// <remarks>Saito's book uses the simpler std = 1 / √fanIn; this class uses Glorot's fan-in/fan-out average.</remarks>
public sealed class XavierInitializer : NormalInitializer
{
    /// <inheritdoc />
    public override float StandardDeviation(int fanIn, int fanOut) => MathF.Sqrt(2f / (fanIn + fanOut));
}
