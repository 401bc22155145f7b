// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>Training produced a NaN or infinite loss and was stopped.</summary>
public sealed class TrainingDivergedException : InvalidOperationException
{
    /// <summary>Creates the exception with a message saying where training diverged and what to try.</summary>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }
}
