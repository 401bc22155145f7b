using MLNetScratchTrainer.Examples.Shared.Reporting;

namespace MLNetScratchTrainer.Examples.Tests;

[TestClass]
public sealed class TextTableTests
{
    [TestMethod]
    public void ConsoleTextAlignsTheFirstColumnLeftAndTheOthersRight()
    {
        var table = new TextTable("trainer", "seconds");
        table.AddRow("Mlp", "12.5");
        table.AddRow("FastTree", "3.0");

        Assert.AreEqual("trainer   seconds\n--------  -------\nMlp          12.5\nFastTree      3.0\n", table.ToString());
    }

    [TestMethod]
    public void MarkdownHasAnAlignmentRowAndEscapesPipes()
    {
        var table = new TextTable("trainer", "accuracy");
        table.AddRow("a|b", "0.9");

        Assert.AreEqual("| trainer | accuracy |\n| --- | ---: |\n| a\\|b | 0.9 |\n", table.ToMarkdown());
    }
}
