namespace MLNetScratchTrainer.ColdLoader;

/// <summary>The two ways of loading that the program checks, and how a test runs it.</summary>
public static class ColdLoad
{
    /// <summary>Load with <c>MLContext.Model.Load(string path, out DataViewSchema)</c>.</summary>
    public const string FromFile = "file";

    /// <summary>Load with <c>MLContext.Model.Load(Stream, out DataViewSchema)</c>.</summary>
    public const string FromStream = "stream";

    /// <summary>Names of the plugin's assemblies (MLNetScratchTrainer*) loaded in this process.</summary>
    public static IReadOnlyList<string> LoadedPluginAssemblies()
        => [.. AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetName().Name!)
            .Where(name => name.StartsWith("MLNetScratchTrainer", StringComparison.Ordinal) && name != typeof(ColdLoad).Assembly.GetName().Name)];

    /// <summary>Runs the program in a new process; returns its exit code and its output (standard output, then error).</summary>
    public static (int ExitCode, string Output) Run(string mode, string modelPath, string dataPath)
        => ChildProcess.Run(ChildProcess.DotnetHost, [typeof(ColdLoad).Assembly.Location, mode, modelPath, dataPath]);
}
