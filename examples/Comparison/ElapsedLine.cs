using MLNetScratchTrainer.Examples.Shared.Progress;

namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>
/// Keeps a live elapsed-time line on a <see cref="ProgressDisplay"/> while an ML.NET trainer fits (they report no
/// progress of their own): a timer redraws it every 200 ms until the line is disposed.
/// </summary>
public sealed class ElapsedLine : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly ProgressDisplay _display;
    private readonly string _status;
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private bool _stopped;

    /// <summary>Starts redrawing <paramref name="status"/> and the elapsed time on <paramref name="display"/>.</summary>
    public ElapsedLine(ProgressDisplay display, string status)
    {
        ArgumentNullException.ThrowIfNull(display);
        _display = display;
        _status = status;
        _timer = new Timer(_ => Draw(), null, TimeSpan.Zero, Interval);
    }

    /// <summary>Stops the timer; no redraw happens after this returns.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _stopped = true;
        }

        _timer.Dispose();
    }

    private void Draw()
    {
        lock (_lock)
        {
            if (!_stopped)
            {
                _display.ReportStatus(_status);
            }
        }
    }
}
