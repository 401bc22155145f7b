namespace MLNetScratchTrainer.Fuzzing.Targets;

/// <summary>A model loader under fuzzing: a valid file to mutate, and a way to load a file and score with it.</summary>
public interface ILoaderTarget
{
    /// <summary>Short name for reports: <c>engine</c> or <c>mlnet</c>.</summary>
    string Name { get; }

    /// <summary>A valid model file, the seed of every mutation.</summary>
    byte[] ValidFile { get; }

    /// <summary>
    /// The exception types a damaged file may end in (the loader's documented contract), by full name. Anything else,
    /// anywhere in the exception chain, is a finding.
    /// </summary>
    IReadOnlySet<Type> DocumentedExceptions { get; }

    /// <summary>
    /// Where an engine model file is embedded in an entry's uncompressed content (the ML.NET payload carries one), or null.
    /// </summary>
    Range? FindEmbeddedModel(string entryName, byte[] content);

    /// <summary>Loads <paramref name="file"/> and returns its scores on the target's fixed rows (throws if it cannot load).</summary>
    float[] LoadAndScore(byte[] file);
}
