using MLNetScratchTrainer.Engine.Training;
using MLNetScratchTrainer.Examples.Shared.Progress;
using Spectre.Console;

namespace MLNetScratchTrainer.Examples.Tests;

[TestClass]
public sealed class ProgressDisplayTests
{
    [TestMethod]
    public void OnATerminalTheBarShowsTheLastReportAndMessagesStayAbove()
    {
        var writer = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
        terminal.Profile.Width = 160;

        int result = ProgressDisplay.Run("run", "batch", display =>
        {
            display.Report(1, 3, 2.5, epoch: 1, epochs: 2);
            display.WriteLine("epoch 1 done");
            display.Report(3, 3, 1.25, epoch: 2, epochs: 2);
            return 42;
        }, terminal);

        string text = writer.ToString();
        Assert.AreEqual(42, result);
        StringAssert.Contains(text, "epoch 1 done");
        StringAssert.Contains(text, "run epoch 2/2  batch 3/3  loss 1.2500");
        StringAssert.Contains(text, "100%", "six of six steps");
        Assert.IsLessThan(text.LastIndexOf("batch 3/3", StringComparison.Ordinal), text.IndexOf("epoch 1 done", StringComparison.Ordinal));
    }

    [TestMethod]
    public void PlainModeWritesAboutTenLinesPerEpoch()
    {
        var writer = new StringWriter();
        var display = new ProgressDisplay("Adam", "iteration", writer);

        for (int step = 1; step <= 100; step++)
        {
            display.Report(step, 100, 0.5);
        }

        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(10, lines);
        StringAssert.StartsWith(lines[^1], "Adam  iteration 100/100  loss 0.5000  elapsed ");
        Assert.DoesNotContain('\r', writer.ToString());
    }

    [TestMethod]
    public void StatusInPlainModeWritesAtMostALineEveryTenSeconds()
    {
        var writer = new StringWriter();
        var display = new ProgressDisplay("Sdca", "batch", writer);

        display.ReportStatus("fitting");
        display.ReportStatus("fitting");

        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines);
        StringAssert.StartsWith(lines[0], "Sdca  fitting  elapsed ");
    }

    [TestMethod]
    public void AttachKeepsExistingCallbacksAndPrintsEachEpoch()
    {
        var writer = new StringWriter();
        var display = new ProgressDisplay("mnist", "batch", writer);
        int batches = 0;
        var options = new MlpTrainerOptions { NumberOfEpochs = 2, BatchCompleted = (_, _, _) => batches++ };

        display.Attach(options);
        options.BatchCompleted!(1, 1, 1);
        options.EpochCompleted!(new EpochRecord(1, 0.75, null, 0.9, 1e-3f, 2.5));

        Assert.AreEqual(1, batches);
        StringAssert.Contains(writer.ToString(), "mnist epoch 1/2: train loss 0.7500, validation accuracy 90.00 %, 2.5 s");
    }
}
