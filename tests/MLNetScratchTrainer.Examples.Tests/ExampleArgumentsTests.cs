using MLNetScratchTrainer.Examples.Shared;

namespace MLNetScratchTrainer.Examples.Tests;

[TestClass]
public sealed class ExampleArgumentsTests
{
    private static readonly IntegerOption[] Epochs = [new("--epochs", "epochs (default 5)")];

    [TestMethod]
    public void DefaultsToAFullRunIntoTheExamplesOutputFolder()
    {
        var arguments = ExampleArguments.Parse("MnistEngine", [], Epochs);

        Assert.IsFalse(arguments.Smoke);
        Assert.AreEqual(Path.Combine("output", "MnistEngine"), arguments.OutputDirectory);
        Assert.IsNull(arguments.MnistDirectory);
        Assert.AreEqual(5, arguments.Integer("--epochs", 5));
    }

    [TestMethod]
    public void ReadsEveryOption()
    {
        var arguments = ExampleArguments.Parse("MnistEngine", ["--smoke", "--output", "out/x", "--mnist", "/data/mnist", "--epochs", "3"], Epochs);

        Assert.IsTrue(arguments.Smoke);
        Assert.AreEqual("out/x", arguments.OutputDirectory);
        Assert.AreEqual("/data/mnist", arguments.MnistDirectory);
        Assert.AreEqual(3, arguments.Integer("--epochs", 5));
    }

    [TestMethod]
    public void RejectsUnknownOptionsMissingValuesAndBadNumbers()
    {
        Assert.ThrowsExactly<ArgumentException>(() => ExampleArguments.Parse("X", ["--fast"], Epochs));
        Assert.ThrowsExactly<ArgumentException>(() => ExampleArguments.Parse("X", ["--output"], Epochs));
        Assert.ThrowsExactly<ArgumentException>(() => ExampleArguments.Parse("X", ["--output", "--smoke"], Epochs));
        Assert.ThrowsExactly<ArgumentException>(() => ExampleArguments.Parse("X", ["--epochs", "0"], Epochs));
        Assert.ThrowsExactly<ArgumentException>(() => ExampleArguments.Parse("X", ["--epochs", "two"], Epochs));
        Assert.ThrowsExactly<ArgumentException>(() => ExampleArguments.Parse("X", ["--epochs", "3"], []));
    }

    [TestMethod]
    public void ReadsDeclaredSwitchesWithoutAValue()
    {
        ExampleOption[] options = [new FlagOption("--overhead", "measure the overhead"), .. Epochs];

        var given = ExampleArguments.Parse("X", ["--overhead", "--epochs", "2"], options);
        var absent = ExampleArguments.Parse("X", [], options);

        Assert.IsTrue(given.Flag("--overhead"));
        Assert.AreEqual(2, given.Integer("--epochs", 5));
        Assert.IsFalse(absent.Flag("--overhead"));
        Assert.ThrowsExactly<ArgumentException>(() => ExampleArguments.Parse("X", ["--overhead"], Epochs));
    }

    [TestMethod]
    public void HelpListsTheCommonOptionsAndTheExamplesOwn()
    {
        ExampleOption[] options = [new FlagOption("--overhead", "measure the overhead"), .. Epochs];
        var help = new StringWriter();

        int exitCode = ExampleArguments.CreateCommand("MnistEngine", "MNIST with the engine alone", options)
            .Parse(["--help"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = help });

        Assert.AreEqual(0, exitCode);
        string text = help.ToString();
        StringAssert.Contains(text, "MnistEngine: MNIST with the engine alone");
        foreach (string option in new[] { "--smoke", "--output <DIR>", "--mnist <DIR>", "--epochs <N>", "epochs (default 5)", "--overhead", "measure the overhead" })
        {
            StringAssert.Contains(text, option);
        }
    }
}
