using MLNetScratchTrainer.Engine.Training;
using MLNetScratchTrainer.Examples.Shared.Progress;

namespace MLNetScratchTrainer.Examples.Tests;

[TestClass]
public sealed class ProgressDisplayTests
{
    [TestMethod]
    public void LiveModeRedrawsOneLineWithCarriageReturns()
    {
        var writer = new StringWriter();
        var display = new ProgressDisplay("run", "batch", writer, live: true);

        display.Report(1, 3, 2.5, epoch: 1, epochs: 2);
        display.Report(3, 3, 1.25, epoch: 1, epochs: 2);
        display.WriteLine("epoch 1 done");

        string text = writer.ToString();
        StringAssert.StartsWith(text, "\rrun epoch 1/2  batch 1/3  loss 2.5000  elapsed ");
        StringAssert.Contains(text, "\rrun epoch 1/2  batch 3/3  loss 1.2500");
        StringAssert.EndsWith(text, "\repoch 1 done" + Environment.NewLine);
        Assert.AreEqual(1, text.Split(Environment.NewLine).Length - 1, "only the closing message ends a line");
    }

    [TestMethod]
    public void PlainModeWritesAboutTenLinesPerEpoch()
    {
        var writer = new StringWriter();
        var display = new ProgressDisplay("Adam", "iteration", writer, live: false);

        for (int step = 1; step <= 100; step++)
        {
            display.Report(step, 100, 0.5);
        }

        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(10, lines);
        StringAssert.StartsWith(lines[^1], "Adam  iteration 100/100  loss 0.5000");
        Assert.DoesNotContain('\r', writer.ToString());
    }

    [TestMethod]
    public void StatusShowsTheElapsedTimeOnTheLiveLine()
    {
        var writer = new StringWriter();
        var display = new ProgressDisplay("FastTree", writer: writer, live: true);

        display.ReportStatus("fitting");
        display.WriteLine("FastTree fitted");

        string text = writer.ToString();
        StringAssert.StartsWith(text, "\rFastTree  fitting  elapsed ");
        Assert.AreEqual(1, text.Split(Environment.NewLine).Length - 1, "only the closing message ends a line");
        StringAssert.EndsWith(text, "\rFastTree fitted" + Environment.NewLine);
    }

    [TestMethod]
    public void StatusInPlainModeWritesAtMostALineEveryTenSeconds()
    {
        var writer = new StringWriter();
        var display = new ProgressDisplay("Sdca", writer: writer, live: false);

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
        var display = new ProgressDisplay("mnist", "batch", writer, live: false);
        int batches = 0;
        var options = new MlpTrainerOptions { NumberOfEpochs = 2, BatchCompleted = (_, _, _) => batches++ };

        display.Attach(options);
        options.BatchCompleted!(1, 1, 1);
        options.EpochCompleted!(new EpochRecord(1, 0.75, null, 0.9, 1e-3f, 2.5));

        Assert.AreEqual(1, batches);
        StringAssert.Contains(writer.ToString(), "mnist epoch 1/2: train loss 0.7500, validation accuracy 90.00 %, 2.5 s");
    }
}
