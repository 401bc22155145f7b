namespace MLNetScratchTrainer.Fuzzing.Running;

/// <summary>How a case ended.</summary>
public enum Verdict
{
    /// <summary>The loader refused the file with a documented exception.</summary>
    Rejected,

    /// <summary>The mutation was harmless: the file loaded and scores exactly like the original.</summary>
    LoadedIdentical,

    /// <summary>
    /// A rewritten file (<see cref="Mutations.FuzzCase.Rewritten"/>, all checksums valid) that describes another valid model
    /// loaded as that model, e.g. a header whose target scaling was edited. Not damage: what a hand edit would do.
    /// </summary>
    LoadedForgery,

    /// <summary>Finding: a damaged file loaded but scores differently (silent corruption).</summary>
    LoadedDifferent,

    /// <summary>Finding: an undocumented exception type, or a forbidden one anywhere in the chain.</summary>
    UndocumentedException,

    /// <summary>Finding: the case allocated more than the limit.</summary>
    TooMuchMemory,

    /// <summary>Finding: the case took longer than the limit.</summary>
    TooSlow,
}
