using System.Runtime.ExceptionServices;

namespace MLNetScratchTrainer.Engine.Parallelism;

/// <summary>
/// A fixed set of threads that run <see cref="IParallelWork"/> parts with no allocation per call.
/// Workers spin briefly between calls (training issues many small products back to back), then sleep.
/// The calling thread always runs part 0 itself.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    private const int SpinRounds = 4000;

    private readonly Thread[] _workers;
    private readonly object _sleep = new();
    private IParallelWork? _work;
    private int _generation;
    private int _pending;
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
            int part = i + 1;
            _workers[i] = new Thread(() => WorkerLoop(part)) { IsBackground = true, Name = $"MLNetScratchTrainer worker {part}" };
            _workers[i].Start();
        }
    }

    /// <summary>Number of threads work is split over, the caller included.</summary>
    public int ThreadCount { get; }

    /// <summary>Runs every part of <paramref name="work"/> and returns when all are done; rethrows a part's exception.</summary>
    public void Run(IParallelWork work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_workers.Length == 0)
        {
            work.Execute(0, 1);
            return;
        }

        _work = work;
        _failure = null;
        Volatile.Write(ref _pending, _workers.Length);
        Interlocked.Increment(ref _generation);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            WakeSleepers();
        }

        try
        {
            work.Execute(0, ThreadCount);
        }
        finally
        {
            var wait = default(SpinWait);
            while (Volatile.Read(ref _pending) != 0)
            {
                wait.SpinOnce(sleep1Threshold: -1);
            }

            _work = null;
        }

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
        Interlocked.Increment(ref _generation);
        WakeSleepers();
        foreach (var worker in _workers)
        {
            worker.Join();
        }
    }

    private void WakeSleepers()
    {
        lock (_sleep)
        {
            Monitor.PulseAll(_sleep);
        }
    }

    private void WorkerLoop(int part)
    {
        int seen = 0;
        while (true)
        {
            int spins = 0;
            while (Volatile.Read(ref _generation) == seen)
            {
                if (spins++ < SpinRounds)
                {
                    Thread.SpinWait(20);
                    continue;
                }

                // Each sleeper re-checks the generation under the lock, so a wake-up cannot be taken by another
                // worker (as a counted permit could) and one that comes before the wait is not lost.
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
                Interlocked.Decrement(ref _pending);
            }
        }
    }
}
