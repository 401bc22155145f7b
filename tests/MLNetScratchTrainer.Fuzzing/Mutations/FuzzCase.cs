namespace MLNetScratchTrainer.Fuzzing.Mutations;

/// <summary>One mutated model file.</summary>
/// <param name="Kind">The family of mutation (for the tally): <c>bit-flip</c>, <c>truncation</c>, <c>zip-field</c>, …</param>
/// <param name="Detail">What exactly was done, enough to reproduce it by hand.</param>
/// <param name="Bytes">The mutated file.</param>
public sealed record FuzzCase(string Kind, string Detail, byte[] Bytes);
