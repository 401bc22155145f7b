using System.Diagnostics;
using MLNetScratchTrainer.Engine.Training;
using Spectre.Console;

namespace MLNetScratchTrainer.Examples.Shared.Progress;

/// <summary>
/// Shows training progress on the console. On a terminal, a Spectre.Console progress bar with the epoch, step/steps,
/// loss, percentage and elapsed time is redrawn in place (a spinner for work without countable steps). When the
/// output is redirected to a file or pipe (as in CI), plain lines are written instead, about ten per epoch, so logs
/// stay readable.
/// </summary>
public sealed class ProgressDisplay
{
    private const int PlainLinesPerEpoch = 10;
    private static readonly TimeSpan PlainStatusInterval = TimeSpan.FromSeconds(10);

    private readonly ProgressTask? _bar;
    private readonly IAnsiConsole? _console;
    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly string _stepName;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastStatus;
    private double? _lastEpochLoss;
    private string _lossName = "loss";

    /// <summary>A display that writes plain lines to <paramref name="writer"/> (what <see cref="Run{T}"/> uses when the output is redirected).</summary>
    /// <param name="label">Printed at the start of each line, such as the optimizer's name.</param>
    /// <param name="stepName">What a step is called: "batch" or "iteration".</param>
    /// <param name="writer">Where to write.</param>
    public ProgressDisplay(string label, string stepName, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _label = label;
        _stepName = stepName;
        _writer = writer;
    }

    private ProgressDisplay(string label, string stepName, IAnsiConsole console, ProgressTask bar)
        : this(label, stepName, Console.Out)
    {
        _console = console;
        _bar = bar;
    }

    /// <summary>Time since the display was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>
    /// Runs <paramref name="work"/> with a display: a live progress bar when <paramref name="console"/> (the terminal by
    /// default) is interactive, plain lines on the console otherwise. The finished bar stays on screen.
    /// </summary>
    /// <param name="label">Names the work, such as the optimizer.</param>
    /// <param name="stepName">What a step is called: "batch" or "iteration".</param>
    /// <param name="work">The work; it reports through the display it is given.</param>
    /// <param name="console">Where to draw; <see cref="AnsiConsole.Console"/> when null.</param>
    public static T Run<T>(string label, string stepName, Func<ProgressDisplay, T> work, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var target = console ?? AnsiConsole.Console;
        if (!target.Profile.Capabilities.Interactive)
        {
            return work(new ProgressDisplay(label, stepName, Console.Out));
        }

        return target.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context => work(new ProgressDisplay(label, stepName, target, context.AddTask(Markup.Escape(label)))));
    }

    /// <summary>Runs <paramref name="work"/> with a display; see <see cref="Run{T}"/>.</summary>
    public static void Run(string label, string stepName, Action<ProgressDisplay> work, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        Run(label, stepName, display =>
        {
            work(display);
            return true;
        }, console);
    }

    /// <summary>Reports that step <paramref name="step"/> of <paramref name="steps"/> is done.</summary>
    /// <param name="step">1-based step within the epoch.</param>
    /// <param name="steps">Steps per epoch.</param>
    /// <param name="loss">The loss to show, when known.</param>
    /// <param name="epoch">1-based epoch, or null for a run counted only in steps.</param>
    /// <param name="epochs">Number of epochs, or null.</param>
    public void Report(int step, int steps, double? loss, int? epoch = null, int? epochs = null)
    {
        string text = Describe(step, steps, loss, epoch, epochs);
        if (_bar is not null)
        {
            _bar.IsIndeterminate = false;
            _bar.MaxValue = (double)steps * (epochs ?? 1);
            _bar.Value = ((double)steps * ((epoch ?? 1) - 1)) + step;
            _bar.Description = Markup.Escape(text);
            return;
        }

        int every = Math.Max(1, steps / PlainLinesPerEpoch);
        if (step == steps || step % every == 0)
        {
            _writer.WriteLine($"{text}  elapsed {_clock.Elapsed.TotalSeconds:F1} s");
        }
    }

    /// <summary>
    /// Shows that work without countable steps is under way (such as a trainer that reports nothing while it fits): on a
    /// terminal, a spinner and the elapsed time beside <paramref name="status"/>; when redirected, a plain line at most
    /// every 10 seconds.
    /// </summary>
    public void ReportStatus(string status)
    {
        string text = $"{_label}  {status}";
        if (_bar is not null)
        {
            _bar.IsIndeterminate = true;
            _bar.Description = Markup.Escape(text);
            return;
        }

        var now = _clock.Elapsed;
        if (_lastStatus is TimeSpan shown && now - shown < PlainStatusInterval)
        {
            return;
        }

        _lastStatus = now;
        _writer.WriteLine($"{text}  elapsed {now.TotalSeconds:F1} s");
    }

    /// <summary>Marks the work finished: a full bar (an indeterminate one stops spinning).</summary>
    public void Complete()
    {
        if (_bar is not null)
        {
            _bar.IsIndeterminate = false;
            _bar.Value = _bar.MaxValue;
        }
    }

    /// <summary>Writes <paramref name="message"/> on a line of its own (above the live bar, if any).</summary>
    public void WriteLine(string message)
    {
        if (_console is not null)
        {
            _console.WriteLine(message);
            return;
        }

        _writer.WriteLine(message);
    }

    /// <summary>
    /// Hooks the display into a trainer's callbacks: progress per mini-batch (showing the last epoch's loss, which
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

    private string Describe(int step, int steps, double? loss, int? epoch, int? epochs)
    {
        string epochText = epoch is int e ? $" epoch {e}/{epochs}" : string.Empty;
        string lossText = loss is double l ? $"  {_lossName} {l:F4}" : string.Empty;
        return $"{_label}{epochText}  {_stepName} {step}/{steps}{lossText}";
    }
}
