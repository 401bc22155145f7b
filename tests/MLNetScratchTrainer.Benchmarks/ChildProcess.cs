using System.Diagnostics;

namespace MLNetScratchTrainer.Benchmarks;

/// <summary>Runs this harness again in a child process, so that a measurement's peak memory is its own.</summary>
public static class ChildProcess
{
    /// <summary>Runs the harness with <paramref name="arguments"/> and waits; returns the lines it printed (also echoed).</summary>
    /// <param name="arguments">The harness arguments, mode first.</param>
    /// <param name="environment">Environment variables to set in the child.</param>
    public static IReadOnlyList<string> Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        var lines = new List<string>();
        while (child.StandardOutput.ReadLine() is { } line)
        {
            Console.WriteLine(line);
            lines.Add(line);
        }

        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The child process ({string.Join(' ', arguments)}) exited with code {child.ExitCode}.");
        }

        return lines;
    }
}
