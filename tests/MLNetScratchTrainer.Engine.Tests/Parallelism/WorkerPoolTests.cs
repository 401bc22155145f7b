using MLNetScratchTrainer.Engine.Parallelism;

namespace MLNetScratchTrainer.Engine.Tests.Parallelism;

[TestClass]
public sealed class WorkerPoolTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void Run_ExecutesEveryPartExactlyOnce(int threads) => Within(() =>
    {
        using var pool = new WorkerPool(threads);
        var work = new CountingWork(threads);

        pool.Run(work);

        CollectionAssert.AreEqual(Enumerable.Repeat(1, threads).ToArray(), work.Runs.ToArray());
        Assert.AreEqual(0, work.WrongPartCounts);
    });

    [TestMethod]
    public void Run_ManyTimes_EveryRunCompletesEveryPart() => Within(() =>
    {
        // Back-to-back runs exercise the hand-over between spinning workers and the next call. Two threads, as
        // many as the test machine's cores: spinning workers on an oversubscribed machine only slow each other.
        using var pool = new WorkerPool(2);
        var work = new CountingWork(2);
        const int runs = 2000;
        for (int i = 0; i < runs; i++)
        {
            pool.Run(work);
        }

        CollectionAssert.AreEqual(new[] { runs, runs }, work.Runs.ToArray());
    });

    [TestMethod]
    public void Run_AfterTheWorkersFellAsleep_WakesEveryOne() => Within(() =>
    {
        // Workers sleep after a few milliseconds idle. Two sleepers must both wake: a wake-up taken by the
        // wrong worker (one that already ran its part) once left a part unrun and Run waiting forever.
        using var pool = new WorkerPool(3);
        var work = new CountingWork(3);
        for (int i = 0; i < 10; i++)
        {
            Thread.Sleep(30);
            pool.Run(work);
        }

        CollectionAssert.AreEqual(new[] { 10, 10, 10 }, work.Runs.ToArray());
    });

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    public void Run_PartThrows_ExceptionReachesTheCallerAfterEveryPartFinished(int failingPart) => Within(() =>
    {
        // Part 0 runs on the calling thread, part 1 on a worker: both must surface.
        using var pool = new WorkerPool(2);
        var work = new CountingWork(2, failingPart);

        var exception = Assert.ThrowsExactly<InvalidOperationException>(() => pool.Run(work));

        Assert.AreEqual($"part {failingPart} failed", exception.Message);
        CollectionAssert.AreEqual(new[] { 1, 1 }, work.Runs.ToArray());
    });

    [TestMethod]
    public void Run_AfterAFailure_PoolStillWorksAndDoesNotRethrow() => Within(() =>
    {
        using var pool = new WorkerPool(2);
        Assert.ThrowsExactly<InvalidOperationException>(() => pool.Run(new CountingWork(2, failingPart: 1)));

        var work = new CountingWork(2);
        pool.Run(work);

        CollectionAssert.AreEqual(new[] { 1, 1 }, work.Runs.ToArray());
    });

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    public void Run_AfterDispose_Throws(int threads)
    {
        var pool = new WorkerPool(threads);
        pool.Dispose();
        pool.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => pool.Run(new CountingWork(threads)));
    }

    [TestMethod]
    public void Run_RunsOnCaller_RunsTheWorkAsOnePartOnTheCallingThread() => Within(() =>
    {
        using var pool = new WorkerPool(2) { RunsOnCaller = true };
        var work = new ThreadRecordingWork();

        pool.Run(work);
        pool.RunsOnCaller = false;
        pool.Run(work);

        Assert.AreEqual("0/1", work.Parts[0], "one part, as with no pool");
        Assert.AreEqual(Environment.CurrentManagedThreadId, work.Threads[0]);
        CollectionAssert.AreEquivalent(new[] { "0/2", "1/2" }, work.Parts.Skip(1).ToArray(), "split again once it is false");
    });

    [TestMethod]
    public void Constructor_NoThreads_Throws()
        => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new WorkerPool(0));

    /// <summary>
    /// Runs a test body on its own task, so that a pool that never returns (a part that never ran) fails the
    /// test instead of hanging the suite. 10 s is over ten times the slowest body on a busy two-core machine.
    /// </summary>
    private static void Within(Action body)
    {
        var task = Task.Run(body);
        Assert.IsTrue(task.Wait(TimeSpan.FromSeconds(10)), "the pool did not return within 10 s: a part never ran");
    }

    /// <summary>Records each part it runs ("part/count") and the thread that ran it.</summary>
    private sealed class ThreadRecordingWork : IParallelWork
    {
        private readonly object _lock = new();

        public List<string> Parts { get; } = [];

        public List<int> Threads { get; } = [];

        public void Execute(int part, int partCount)
        {
            lock (_lock)
            {
                Parts.Add($"{part}/{partCount}");
                Threads.Add(Environment.CurrentManagedThreadId);
            }
        }
    }
}
