using System.Diagnostics;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Examples.Shared.Progress;

/// <summary>
/// Shows training progress on the console. On a terminal one live line is redrawn in place (with <c>\r</c>):
/// epoch, step/steps, loss and elapsed time. When the output is redirected to a file or pipe, plain lines are
/// written instead, about ten per epoch, so logs stay readable.
/// </summary>
public sealed class ProgressDisplay
{
    private const int PlainLinesPerEpoch = 10;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PlainStatusInterval = TimeSpan.FromSeconds(10);

    private readonly TextWriter _writer;
    private readonly bool _live;
    private readonly string _label;
    private readonly string _stepName;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDraw;
    private int _lineLength;
    private double? _lastEpochLoss;
    private string _lossName = "loss";

    /// <summary>Creates a display.</summary>
    /// <param name="label">Printed at the start of each line, such as the optimizer's name.</param>
    /// <param name="stepName">What a step is called: "batch" or "iteration".</param>
    /// <param name="writer">Where to write; the console when null.</param>
    /// <param name="live">Redraw one line in place; by default only when the console output is not redirected.</param>
    public ProgressDisplay(string label, string stepName = "batch", TextWriter? writer = null, bool? live = null)
    {
        _label = label;
        _stepName = stepName;
        _writer = writer ?? Console.Out;
        _live = live ?? !Console.IsOutputRedirected;
    }

    /// <summary>Time since the display was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Reports that step <paramref name="step"/> of <paramref name="steps"/> is done.</summary>
    /// <param name="step">1-based step within the epoch.</param>
    /// <param name="steps">Steps per epoch.</param>
    /// <param name="loss">The loss to show, when known.</param>
    /// <param name="epoch">1-based epoch, or null for a run counted only in steps.</param>
    /// <param name="epochs">Number of epochs, or null.</param>
    public void Report(int step, int steps, double? loss, int? epoch = null, int? epochs = null)
    {
        bool last = step == steps;
        if (_live)
        {
            if (!last && _lastDraw is TimeSpan drawn && _clock.Elapsed - drawn < RedrawInterval)
            {
                return;
            }

            _lastDraw = _clock.Elapsed;
            DrawLive(Describe(step, steps, loss, epoch, epochs));
            return;
        }

        int every = Math.Max(1, steps / PlainLinesPerEpoch);
        if (last || step % every == 0)
        {
            _writer.WriteLine(Describe(step, steps, loss, epoch, epochs));
        }
    }

    /// <summary>
    /// Shows that work without countable steps is under way (such as a trainer that reports nothing while it fits): on a
    /// terminal, the live line holds <paramref name="status"/> and the elapsed time, redrawn at most every 100 ms; when
    /// redirected, a plain line is written at most every 10 seconds.
    /// </summary>
    public void ReportStatus(string status)
    {
        var now = _clock.Elapsed;
        if (_lastDraw is TimeSpan drawn && now - drawn < (_live ? RedrawInterval : PlainStatusInterval))
        {
            return;
        }

        _lastDraw = now;
        string text = $"{_label}  {status}  elapsed {now.TotalSeconds:F1} s";
        if (_live)
        {
            DrawLive(text);
        }
        else
        {
            _writer.WriteLine(text);
        }
    }

    /// <summary>Ends the live line (if any) and writes <paramref name="message"/> on a line of its own.</summary>
    public void WriteLine(string message)
    {
        EndLiveLine();
        _writer.WriteLine(message);
    }

    /// <summary>
    /// Hooks the display into a trainer's callbacks: a live line per mini-batch (showing the last epoch's loss, which
    /// is what the trainer reports) and a permanent line per epoch. Callbacks already set are kept and still called.
    /// </summary>
    public void Attach(MlpTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var previousBatch = options.BatchCompleted;
        var previousEpoch = options.EpochCompleted;
        int epochs = options.NumberOfEpochs;
        _lossName = "last epoch loss";
        options.BatchCompleted = (epoch, batch, batches) =>
        {
            previousBatch?.Invoke(epoch, batch, batches);
            Report(batch, batches, _lastEpochLoss, epoch, epochs);
        };
        options.EpochCompleted = record =>
        {
            previousEpoch?.Invoke(record);
            _lastEpochLoss = record.TrainLoss;
            string validation = record.ValidationMetric is double metric ? $", validation accuracy {metric:P2}" : string.Empty;
            WriteLine($"{_label} epoch {record.Epoch}/{epochs}: train loss {record.TrainLoss:F4}{validation}, {record.Seconds:F1} s");
        };
    }

    private void DrawLive(string text)
    {
        _writer.Write("\r" + text.PadRight(_lineLength));
        _lineLength = text.Length;
        _writer.Flush();
    }

    private void EndLiveLine()
    {
        if (_live && _lineLength > 0)
        {
            _writer.Write("\r" + new string(' ', _lineLength) + "\r");
            _lineLength = 0;
        }
    }

    private string Describe(int step, int steps, double? loss, int? epoch, int? epochs)
    {
        string epochText = epoch is int e ? $" epoch {e}/{epochs}" : string.Empty;
        string lossText = loss is double l ? $"  {_lossName} {l:F4}" : string.Empty;
        return $"{_label}{epochText}  {_stepName} {step}/{steps}{lossText}  elapsed {_clock.Elapsed.TotalSeconds:F1} s";
    }
}
