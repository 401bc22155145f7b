namespace MLNetScratchTrainer.Engine.Data;

/// <summary>One pass over the rows of an <see cref="IRowSource"/>, read a chunk at a time.</summary>
public interface IRowReader : IDisposable
{
    /// <summary>
    /// Writes the next rows into <paramref name="chunk"/>, from its first row on, and returns how many it wrote: at
    /// least one, at most the chunk's capacity, and 0 only when the pass is over.
    /// </summary>
    int Read(RowChunk chunk);
}
