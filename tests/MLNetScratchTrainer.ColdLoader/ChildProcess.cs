using System.Diagnostics;

namespace MLNetScratchTrainer.ColdLoader;

/// <summary>Runs a program to completion in a new process, for tests that need a process of their own.</summary>
public static class ChildProcess
{
    /// <summary>The <c>dotnet</c> host that runs this process (set by the SDK), or <c>dotnet</c> from the PATH.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>; returns its exit code and its output (standard
    /// output, then standard error). MSBuild's environment variables of a surrounding build are not passed on, so that a
    /// <c>dotnet build</c> started here behaves as one started from a shell.
    /// </summary>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
