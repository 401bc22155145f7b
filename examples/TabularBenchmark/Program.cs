using MLNetScratchTrainer.Examples.TabularBenchmark;

const string Name = "TabularBenchmark";
const string Summary = "the plugin's Mlp beside LightGbm, FastTree, SDCA and L-BFGS, each with default options, on every tabular data set × 80/20 splits: ranks, wins, fit times";

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

IntegerOption splits = new("--splits", $"80/20 splits per data set, seeds 1, 2, … (default {BenchmarkSettings.DefaultSplits}; 1 with --smoke)");
if (rest.Contains("--help") || rest.Contains("-h"))
{
    int code = ExampleRunner.Run(Name, Summary, rest, (_, _) => { }, splits);
    Console.WriteLine(TextArguments.Usage());
    return code;
}

return ExampleRunner.Run(
    Name,
    Summary,
    rest,
    (arguments, output) => TabularBenchmarkWalkthrough.Run(BenchmarkSettings.From(arguments, text), output),
    splits);
