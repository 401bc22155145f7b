namespace MLNetScratchTrainer.Engine.Initializers;

/// <summary>Creates weight initializers from an <see cref="InitializerKind"/>.</summary>
public static class InitializerFactory
{
    /// <summary>Creates the initializer for one layer.</summary>
    /// <param name="kind">Which initialisation to use; <see cref="InitializerKind.Auto"/> decides from <paramref name="reluLike"/>.</param>
    /// <param name="reluLike">True when the layer's activation is ReLU-like (ReLU, leaky ReLU, …), which calls for He.</param>
    /// <param name="fixedStd">The standard deviation for <see cref="InitializerKind.FixedStd"/>; ignored otherwise.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown <paramref name="kind"/> or an invalid <paramref name="fixedStd"/>.</exception>
    public static IInitializer Create(InitializerKind kind, bool reluLike, float fixedStd = 0.01f) => kind switch
    {
        InitializerKind.Auto => reluLike ? new HeInitializer() : new XavierInitializer(),
        InitializerKind.FixedStd => new FixedStdInitializer(fixedStd),
        InitializerKind.Xavier => new XavierInitializer(),
        InitializerKind.He => new HeInitializer(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown initializer kind {kind}."),
    };
}
