using MLNetScratchTrainer.Fuzzing.Mutations;

/// <summary>
/// Ends the process when one case runs longer than a hard limit: a hang cannot be interrupted from inside .NET, so the
/// case is saved for reproduction, the tally so far is printed, and the process exits with code 3.
/// </summary>
internal sealed class Watchdog : IDisposable
{
    private readonly Timer _timer;
    private readonly TimeSpan _limit;
    private FuzzCase? _current;

    public Watchdog(TimeSpan limit, string folder, string target, Func<string> report)
    {
        _limit = limit;
        _timer = new Timer(_ =>
        {
            if (Volatile.Read(ref _current) is { } hung)
            {
                string path = Path.Combine(folder, $"{target}-hang");
                File.WriteAllBytes(path + ".zip", hung.Bytes);
                File.WriteAllText(path + ".txt", $"{hung.Kind}: {hung.Detail}");
                Console.WriteLine($"[{target}] HANG over {_limit.TotalSeconds} s: {hung.Kind} ({hung.Detail}); saved to {path}.zip");
                Console.WriteLine(report());
                Environment.Exit(3);
            }
        });
    }

    public void Arm(FuzzCase fuzzCase)
    {
        Volatile.Write(ref _current, fuzzCase);
        _timer.Change(_limit, Timeout.InfiniteTimeSpan);
    }

    public void Disarm()
    {
        Volatile.Write(ref _current, null);
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
    }

    public void Dispose() => _timer.Dispose();
}
