using MLNetScratchTrainer.Engine.Initializers;

// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>The weight initialisations <see cref="InitializerFactory"/> can create.</summary>
public enum InitializerKind
{
    /// <summary><see cref="He"/> for ReLU-like activations, <see cref="Xavier"/> otherwise.</summary>
    Auto,

    /// <summary>The same small std for every layer, <see cref="FixedStdInitializer"/>.</summary>
    FixedStd,

    /// <summary>Glorot normal, <see cref="XavierInitializer"/>.</summary>
    Xavier,

    /// <summary>Kaiming normal, <see cref="HeInitializer"/>.</summary>
    He,
}
