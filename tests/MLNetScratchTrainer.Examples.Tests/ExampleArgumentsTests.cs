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
        StringAssert.Contains(ExampleArguments.Usage("X", options), "  --overhead      measure the overhead");
    }

    [TestMethod]
    public void UsageListsTheExamplesOwnOptions()
    {
        string usage = ExampleArguments.Usage("MnistEngine", Epochs);

        StringAssert.Contains(usage, "--smoke");
        StringAssert.Contains(usage, "--epochs N");
        StringAssert.Contains(usage, "output/MnistEngine");
    }
}
