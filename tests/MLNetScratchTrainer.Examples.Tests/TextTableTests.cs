using MLNetScratchTrainer.Examples.Shared.Reporting;

namespace MLNetScratchTrainer.Examples.Tests;

[TestClass]
public sealed class TextTableTests
{
    [TestMethod]
    public void RedirectedOutputIsAnAsciiTableWithTheFirstColumnLeftAndTheOthersRight()
    {
        var table = new TextTable("trainer", "seconds");
        table.AddRow("Mlp", "12.5");
        table.AddRow("FastTree", "3.0");
        var text = new StringWriter();

        table.Write(PlainConsole.Create(text, width: 200));

        string[] lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(6, lines, "top border, header, rule, two rows, bottom border");
        Assert.AreEqual("| trainer  | seconds |", lines[1].Trim());
        Assert.AreEqual("| Mlp      |    12.5 |", lines[3].Trim());
        Assert.AreEqual("| FastTree |     3.0 |", lines[4].Trim());
        Assert.DoesNotContain('\u001b', text.ToString(), "no terminal escape codes in a log");
    }

    [TestMethod]
    public void MarkdownHasAnAlignmentRowAndEscapesPipesButNotMarkup()
    {
        var table = new TextTable("trainer", "accuracy");
        table.AddRow("a|b [x]", "0.9");

        string[] lines = table.ToMarkdown().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.HasCount(3, lines);
        StringAssert.Matches(lines[0], new System.Text.RegularExpressions.Regex(@"^\| trainer +\| accuracy \|$"));
        StringAssert.Matches(lines[1], new System.Text.RegularExpressions.Regex(@"^\| :?-+ \| -+: \|$"));
        StringAssert.Matches(lines[2], new System.Text.RegularExpressions.Regex(@"^\| a\\\|b \[x\] \| +0\.9 \|$"));
    }
}
