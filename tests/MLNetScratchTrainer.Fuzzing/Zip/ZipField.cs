namespace MLNetScratchTrainer.Fuzzing.Zip;

/// <summary>A little-endian integer field of a zip record: where it is, how wide (2 or 4 bytes) and what it means.</summary>
/// <param name="Offset">Position of its first byte in the file.</param>
/// <param name="Width">2 or 4 bytes.</param>
/// <param name="Name">The record and field, e.g. <c>central[1].uncompressed_size</c>.</param>
public sealed record ZipField(int Offset, int Width, string Name);
