namespace MLNetScratchTrainer.Fuzzing.Mutations;

/// <summary>One mutated model file.</summary>
/// <param name="Kind">The family of mutation (for the tally): <c>bit-flip</c>, <c>truncation</c>, <c>zip-field</c>, …</param>
/// <param name="Detail">What exactly was done, enough to reproduce it by hand.</param>
/// <param name="Bytes">The mutated file.</param>
/// <param name="Rewritten">
/// True when the file was written anew with every zip checksum valid (entry contents, names or order edited, then zipped):
/// a forgery rather than damage. It may describe another valid model, and then loads as that model.
/// </param>
public sealed record FuzzCase(string Kind, string Detail, byte[] Bytes, bool Rewritten = false);
