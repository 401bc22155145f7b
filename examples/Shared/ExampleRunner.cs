using System.Diagnostics;

namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>
/// The frame around every example: parses the arguments (System.CommandLine, with <c>--help</c>), prints what the example shows, runs it, checks that it
/// wrote its outputs, lists them, and turns any failure into a message and a non-zero exit code.
/// </summary>
public static class ExampleRunner
{
    /// <summary>Exit code for a run that failed.</summary>
    public const int FailureExitCode = 1;

    /// <summary>Exit code for a command line that could not be parsed.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Runs an example and returns the process exit code.</summary>
    /// <param name="name">The example's folder name under examples/.</param>
    /// <param name="summary">One sentence on what the example shows.</param>
    /// <param name="args">The command line.</param>
    /// <param name="body">The walkthrough; it writes its files through the <see cref="OutputFolder"/>.</param>
    /// <param name="exampleOptions">Extra options the example accepts.</param>
    public static int Run(string name, string summary, string[] args, Action<ExampleArguments, OutputFolder> body, params ExampleOption[] exampleOptions)
    {
        ArgumentNullException.ThrowIfNull(body);
        var command = ExampleArguments.CreateCommand(name, summary, exampleOptions);
        command.SetAction(parsed => Run(name, summary, ExampleArguments.From(parsed), body));
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }

            Console.Error.WriteLine("Run the example with --help for its options.");
            return UsageExitCode;
        }

        // --help prints the usage (System.CommandLine builds it from the options' descriptions); otherwise the walkthrough runs.
        return parsed.Invoke();
    }

    private static int Run(string name, string summary, ExampleArguments arguments, Action<ExampleArguments, OutputFolder> body)
    {
        Console.WriteLine($"== {name}: {summary}");
        if (arguments.Smoke)
        {
            Console.WriteLine("(smoke run: a sliver of the data and few steps, so the numbers below are not meaningful)");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var output = new OutputFolder(arguments.OutputDirectory);
            body(arguments, output);
            output.VerifyWritten();
            Console.WriteLine();
            output.PrintSummary(Console.Out);
        }
        catch (Exception e) when (e is CheckFailedException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{name} failed: {e.Message}");
            return FailureExitCode;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"{name} failed with an unexpected error: {e}");
            return FailureExitCode;
        }

        Console.WriteLine($"{name} finished in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
