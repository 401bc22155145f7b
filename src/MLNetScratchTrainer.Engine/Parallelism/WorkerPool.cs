using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace MLNetScratchTrainer.Engine.Parallelism;

/// <summary>
/// A fixed set of threads that run the parts of an <see cref="IParallelWork"/> with no allocation per call.
/// </summary>
/// <remarks>
/// Parts are claimed, not assigned: the calling thread and every awake worker take the next unclaimed part
/// until none is left. On a quiet machine the parts run side by side; on a busy one, where a worker may not get
/// a core for a while, the caller simply runs the parts itself instead of waiting for it. Which thread runs a part
/// never changes what the part computes, so results do not depend on scheduling.
/// Workers spin for a short while between calls (training issues many small products back to back), then sleep.
/// </remarks>
public sealed class WorkerPool : IDisposable
{
    private static readonly long WorkerSpinTicks = Stopwatch.Frequency / 1_000;
    private static readonly long CallerSpinTicks = Stopwatch.Frequency / 1_000;

    private readonly Thread[] _workers;
    private readonly object _sleep = new();
    private readonly object _done = new();
    private IParallelWork? _work;
    private long _claims;
    private int _generation;
    private int _remaining;
    private int _sleepers;
    private volatile bool _disposed;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Creates a pool running work on <paramref name="threadCount"/> threads (including the caller).</summary>
    public WorkerPool(int threadCount)
    {
        if (threadCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threadCount), threadCount, "The number of threads must be at least 1.");
        }

        ThreadCount = threadCount;
        _workers = new Thread[threadCount - 1];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"MLNetScratchTrainer worker {i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>Number of parts work is split into: the worker threads plus the caller.</summary>
    public int ThreadCount { get; }

    /// <summary>
    /// While true, <see cref="Run"/> runs all of the work on the calling thread, as one part, exactly as with no pool: the
    /// results are the same (work is split so that they do not depend on the split), only the time differs.
    /// </summary>
    public bool RunsOnCaller { get; set; }

    /// <summary>Runs every part of <paramref name="work"/> and returns when all are done; rethrows a part's exception.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(IParallelWork work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_workers.Length == 0 || RunsOnCaller)
        {
            work.Execute(0, 1);
            return;
        }

        _work = work;
        _failure = null;
        Volatile.Write(ref _remaining, ThreadCount);
        int generation = Interlocked.Increment(ref _generation);
        Volatile.Write(ref _claims, (long)generation << 32);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_sleep)
            {
                Monitor.PulseAll(_sleep);
            }
        }

        RunClaimedParts(generation);
        WaitForOthers();
        _work = null;
        _failure?.Throw();
    }

    /// <summary>Stops the worker threads.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_sleep)
        {
            Interlocked.Increment(ref _generation);
            Monitor.PulseAll(_sleep);
        }

        foreach (var worker in _workers)
        {
            worker.Join();
        }
    }

    /// <summary>
    /// Claims and runs parts of run <paramref name="generation"/> until none is left. A claim is one compare-and-swap
    /// on (generation, next part), so a late worker can never take a part of a newer run with an older run's work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunClaimedParts(int generation)
    {
        while (true)
        {
            long claims = Volatile.Read(ref _claims);
            int part = (int)(claims & 0xFFFFFFFF);
            if ((int)(claims >> 32) != generation || part >= ThreadCount)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _claims, claims + 1, claims) != claims)
            {
                continue;
            }

            try
            {
                _work!.Execute(part, ThreadCount);
            }
            catch (Exception exception)
            {
                _failure ??= ExceptionDispatchInfo.Capture(exception);
            }
            finally
            {
                if (Interlocked.Decrement(ref _remaining) == 0)
                {
                    lock (_done)
                    {
                        Monitor.PulseAll(_done);
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WaitForOthers()
    {
        long deadline = Stopwatch.GetTimestamp() + CallerSpinTicks;
        while (Volatile.Read(ref _remaining) != 0)
        {
            if (Stopwatch.GetTimestamp() < deadline)
            {
                Thread.SpinWait(10);
                continue;
            }

            lock (_done)
            {
                while (Volatile.Read(ref _remaining) != 0)
                {
                    Monitor.Wait(_done);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WorkerLoop()
    {
        int seen = 0;
        while (true)
        {
            long deadline = Stopwatch.GetTimestamp() + WorkerSpinTicks;
            while (Volatile.Read(ref _generation) == seen)
            {
                if (Stopwatch.GetTimestamp() < deadline)
                {
                    Thread.SpinWait(10);
                    continue;
                }

                // The generation is re-checked under the lock that Run and Dispose pulse, so no wake-up is lost.
                Interlocked.Increment(ref _sleepers);
                lock (_sleep)
                {
                    while (Volatile.Read(ref _generation) == seen)
                    {
                        Monitor.Wait(_sleep);
                    }
                }

                Interlocked.Decrement(ref _sleepers);
            }

            seen = Volatile.Read(ref _generation);
            if (_disposed)
            {
                return;
            }

            RunClaimedParts(seen);
        }
    }
}
