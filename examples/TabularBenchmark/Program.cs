using MLNetScratchTrainer.Examples.TabularBenchmark;

const string Name = "TabularBenchmark";
const string Summary = "the plugin's Mlp beside LightGbm, FastTree, SDCA and L-BFGS, each with default options, on every tabular data set × 80/20 splits: ranks, wins, fit times";
IntegerOption splits = new("--splits", $"80/20 splits per data set, seeds 1, 2, … (default {BenchmarkSettings.DefaultSplits}; 1 with --smoke)");

// The options taking text are read here, and every setting is checked before the run starts.
string[] rest;
BenchmarkSettings? settings = null;
try
{
    (var text, rest) = TextArguments.Extract(args);
    var arguments = ExampleArguments.Parse(Name, rest, [splits]);
    if (!arguments.Help)
    {
        settings = BenchmarkSettings.From(arguments, text);
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ExampleArguments.Usage(Name, [splits]));
    Console.Error.WriteLine(TextArguments.Usage());
    return ExampleRunner.UsageExitCode;
}

if (settings is null)
{
    int code = ExampleRunner.Run(Name, Summary, rest, (_, _) => { }, splits);
    Console.WriteLine(TextArguments.Usage());
    return code;
}

return ExampleRunner.Run(Name, Summary, rest, (_, output) => TabularBenchmarkWalkthrough.Run(settings, output), splits);
