using MLNetScratchTrainer.Examples.TabularBenchmark;

const string Name = "TabularBenchmark";
const string Summary = "the plugin's Mlp beside LightGbm, FastTree, SDCA and L-BFGS, each with default options, on every tabular data set × 80/20 splits: ranks, wins, fit times";
IntegerOption splits = new("--splits", $"80/20 splits per data set, seeds 1, 2, … (default {BenchmarkSettings.DefaultSplits}; 1 with --smoke)");

// The options taking text are read here; the others by the shared runner. Every setting is checked before the run starts.
TextArguments text;
string[] rest;
try
{
    (text, rest) = TextArguments.Extract(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(TextArguments.Usage());
    return ExampleRunner.UsageExitCode;
}

if (rest.Contains("--help") || rest.Contains("-h"))
{
    Console.WriteLine("Options taking text:");
    Console.WriteLine(TextArguments.Usage());
}

return ExampleRunner.Run(Name, Summary, rest, (arguments, output) => TabularBenchmarkWalkthrough.Run(Settings(arguments), output), splits);

BenchmarkSettings Settings(ExampleArguments arguments)
{
    try
    {
        return BenchmarkSettings.From(arguments, text);
    }
    catch (ArgumentException e)
    {
        throw new CheckFailedException($"{e.Message}\n{TextArguments.Usage()}");
    }
}
