using System.CommandLine;

namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>
/// The command line every example understands, parsed by System.CommandLine: <c>--smoke</c> for a tiny fast run,
/// <c>--output DIR</c> for the folder of pictures and tables, <c>--mnist DIR</c> for the MNIST files, <c>--help</c>,
/// plus the options an example declares: whole numbers (such as <c>--epochs N</c>) and switches (such as <c>--overhead</c>).
/// </summary>
public sealed class ExampleArguments
{
    private const string SmokeName = "--smoke";
    private const string OutputName = "--output";
    private const string MnistName = "--mnist";

    private readonly ParseResult _parsed;

    private ExampleArguments(ParseResult parsed) => _parsed = parsed;

    /// <summary>True for a run of a few seconds on a sliver of the data (what test.sh runs).</summary>
    public bool Smoke => _parsed.GetValue<bool>(SmokeName);

    /// <summary>Where the example writes its outputs: <c>--output</c>, or <c>output/&lt;example&gt;</c> under the current folder.</summary>
    public string OutputDirectory => _parsed.GetRequiredValue<string>(OutputName);

    /// <summary>The MNIST folder given with <c>--mnist</c>, or null to let <c>Mnist.ResolveDirectory</c> search for it.</summary>
    public string? MnistDirectory => _parsed.GetValue<string?>(MnistName);

    /// <summary>The command of an example: the common options and the example's own, with <c>--help</c> built from their descriptions.</summary>
    /// <param name="exampleName">Names the default output folder.</param>
    /// <param name="summary">One sentence on what the example shows, the help text's description.</param>
    /// <param name="exampleOptions">The extra options this example accepts.</param>
    public static RootCommand CreateCommand(string exampleName, string summary, IReadOnlyList<ExampleOption> exampleOptions)
    {
        ArgumentException.ThrowIfNullOrEmpty(exampleName);
        ArgumentNullException.ThrowIfNull(exampleOptions);
        var command = new RootCommand($"{exampleName}: {summary}")
        {
            new Option<bool>(SmokeName) { Description = "a tiny run of a few seconds (a sliver of the data, few steps)" },
            OutputOption(exampleName),
            new Option<string?>(MnistName)
            {
                Description = "the folder of the four MNIST files (default: MNIST_DIR, or shared/datasets/mnist found upwards)",
                HelpName = "DIR",
            },
        };
        foreach (var option in exampleOptions)
        {
            command.Options.Add(option.ToOption());
        }

        return command;
    }

    /// <summary>Parses the command line.</summary>
    /// <param name="exampleName">Names the default output folder.</param>
    /// <param name="args">The arguments as the program received them.</param>
    /// <param name="exampleOptions">The extra options this example accepts.</param>
    /// <exception cref="ArgumentException">An unknown option, a missing value or a value that is not a positive whole number; the message lists every problem.</exception>
    public static ExampleArguments Parse(string exampleName, IReadOnlyList<string> args, IReadOnlyList<ExampleOption> exampleOptions)
    {
        var parsed = CreateCommand(exampleName, exampleName, exampleOptions).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message)));
        }

        return From(parsed);
    }

    /// <summary>The arguments of a command line parsed by <see cref="CreateCommand"/> without errors.</summary>
    public static ExampleArguments From(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return new ExampleArguments(parsed);
    }

    private static Option<string> OutputOption(string exampleName)
    {
        var option = new Option<string>(OutputName)
        {
            Description = "where to write pictures and tables",
            HelpName = "DIR",
            DefaultValueFactory = _ => Path.Combine("output", exampleName),
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>()?.StartsWith("--", StringComparison.Ordinal) == true)
            {
                result.AddError($"The option {OutputName} needs a folder but got the option '{result.GetValueOrDefault<string>()}'.");
            }
        });
        return option;
    }

    /// <summary>The value given for an integer option, or <paramref name="defaultValue"/> when it was not given.</summary>
    public int Integer(string name, int defaultValue) => _parsed.GetValue<int?>(name) ?? defaultValue;

    /// <summary>Whether the switch <paramref name="name"/> was given.</summary>
    public bool Flag(string name) => _parsed.GetValue<bool>(name);
}
