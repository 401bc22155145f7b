namespace MLNetScratchTrainer.Engine.Parallelism;

/// <summary>
/// A piece of work split into parts. <see cref="WorkerPool.Run"/> calls <see cref="Execute"/> once per part,
/// each on its own thread. Implementations are reusable objects so that running them allocates nothing.
/// </summary>
public interface IParallelWork
{
    /// <summary>Does part <paramref name="part"/> of <paramref name="partCount"/>.</summary>
    void Execute(int part, int partCount);
}
