using MLNetScratchTrainer.Engine.Parallelism;

namespace MLNetScratchTrainer.Engine.Tests.Parallelism;

/// <summary>Counts how often each part runs, records the part counts it was given, and can throw from one part.</summary>
internal sealed class CountingWork(int parts, int? failingPart = null) : IParallelWork
{
    private readonly int[] _runs = new int[parts];
    private int _wrongPartCounts;

    public IReadOnlyList<int> Runs => _runs;

    public int WrongPartCounts => _wrongPartCounts;

    public void Execute(int part, int partCount)
    {
        Interlocked.Increment(ref _runs[part]);
        if (partCount != parts)
        {
            Interlocked.Increment(ref _wrongPartCounts);
        }

        if (part == failingPart)
        {
            throw new InvalidOperationException($"part {part} failed");
        }
    }
}
