using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using MLNetScratchTrainer.Persistence;

namespace MLNetScratchTrainer.Tests.Persistence;

/// <summary>
/// This test assembly doubles as a small program, run in a child process to load a model the way an application
/// that never used the plugin does: <c>dotnet MLNetScratchTrainer.Tests.dll load model.zip</c>. In the test process
/// itself the plugin's registration has long happened, and the runtime remembers resolved assemblies.
/// </summary>
public static class ColdProcess
{
    /// <summary>Loads the model without touching any plugin type first.</summary>
    public const string Load = "load";

    /// <summary>Calls <see cref="MlpPersistence.Register"/>, then loads the model.</summary>
    public const string RegisterAndLoad = "register-and-load";

    /// <summary>Entry point of the child process; prints the innermost exception and returns 1 when loading fails.</summary>
    public static int Main(string[] args)
    {
        if (args is not [var mode, var path])
        {
            return 2;
        }

        try
        {
            if (mode == RegisterAndLoad)
            {
                Register();
            }

            new MLContext().Model.Load(path, out _);
            Console.WriteLine("loaded");
            return 0;
        }
        catch (Exception exception)
        {
            Console.WriteLine($"{exception.GetBaseException().GetType().Name}: {exception.GetBaseException().Message}");
            return 1;
        }
    }

    /// <summary>
    /// Kept out of <see cref="Main"/>: compiling a method that names a plugin type can already run the plugin's module
    /// initializer, and then the "cold" load would not be cold.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Register() => MlpPersistence.Register();

    /// <summary>Runs <see cref="Main"/> in a new process; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string mode, string modelPath)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { typeof(ColdProcess).Assembly.Location, mode, modelPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
