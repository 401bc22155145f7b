namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>An example's own check failed: what it set out to show did not happen, or an output is missing.</summary>
public sealed class CheckFailedException(string message) : Exception(message);
