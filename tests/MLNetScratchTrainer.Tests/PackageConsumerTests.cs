using System.Reflection;
using MLNetScratchTrainer.ColdLoader;

namespace MLNetScratchTrainer.Tests;

/// <summary>
/// PACKAGE TEST (category "Package"; about a minute; exclude with <c>--filter TestCategory!=Package</c>). What
/// <c>dotnet add package MLNetScratchTrainer</c> gives a user: packs the plugin and the engine (already built by this test
/// project's build) into a temporary folder, builds a fresh console project outside the repository
/// (<c>PackageConsumer/</c>) that references the packages only, trains and saves an Mlp pipeline in one process, and loads
/// and scores it in a second. The packages come from the temporary folder and everything else from the registry
/// configured on the machine; restore reads packages already in the shared cache without copying them, and extracts the
/// new ones into a temporary cache, so that no stale copy of this version can be picked up on a later run.
/// </summary>
[TestClass]
public sealed class PackageConsumerTests
{
    private const string Category = "Package";

    [TestMethod]
    [TestCategory(Category)]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void APackedPluginTrainsSavesAndLoadsInAFreshProject()
    {
        using var directory = new TemporaryDirectory();
        string feed = directory.File("feed");
        string version = Pack(feed);
        string project = directory.File("consumer");
        CopyConsumer(project);
        File.WriteAllText(Path.Combine(project, "nuget.config"), NuGetConfig(feed, directory.File("packages")));

        Run(project, "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false", $"-p:MLNetScratchTrainerVersion={version}");
        string output = Path.Combine(project, "bin", "Release", "net10.0");
        string consumer = Path.Combine(output, "PackageConsumer.dll");
        string model = directory.File("model.zip");
        string trained = Run(project, consumer, "train", model);
        string scored = Run(project, consumer, "score", model);

        Assert.HasCount(150, trained.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.AreEqual(trained, scored, "the second process scores the saved model bit for bit as the first");
        Assert.IsTrue(File.Exists(Path.Combine(output, "MLNetScratchTrainer.Loaders.dll")), "the loader assembly comes with the package");
        StringAssert.Contains(File.ReadAllText(Path.Combine(output, "PackageConsumer.deps.json")), $"\"MLNetScratchTrainer/{version}\"");
    }

    /// <summary>Packs the engine and the plugin (without building them again) into <paramref name="feed"/>; returns the version.</summary>
    private static string Pack(string feed)
    {
        string repository = FindRepository();
        string configuration = typeof(PackageConsumerTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        foreach (string library in new[] { "MLNetScratchTrainer.Engine", "MLNetScratchTrainer" })
        {
            Run(repository, "pack", Path.Combine(repository, "src", library, library + ".csproj"), "-c", configuration, "--no-build", "-o", feed);
        }

        var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).ToList();
        Assert.HasCount(2, packages);
        Assert.HasCount(2, Directory.GetFiles(feed, "*.snupkg"), "symbol packages");
        string plugin = packages.Single(name => !name!.StartsWith("MLNetScratchTrainer.Engine.", StringComparison.Ordinal))!;
        return plugin["MLNetScratchTrainer.".Length..^".nupkg".Length];
    }

    private static void CopyConsumer(string project)
    {
        Directory.CreateDirectory(project);
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "PackageConsumer")))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }
    }

    /// <summary>
    /// The packages' folder as a source beside the machine's own (this file adds to the user's NuGet.Config, it does not
    /// replace it); a temporary global packages folder, with the shared one as a read-only fallback.
    /// </summary>
    private static string NuGetConfig(string feed, string temporaryCache)
    {
        string shared = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{temporaryCache}" /></config>
              <packageSources><add key="packed-here" value="{feed}" /></packageSources>
              <fallbackPackageFolders><add key="shared" value="{shared}" /></fallbackPackageFolders>
            </configuration>
            """;
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; fails the test with its output unless it succeeds.</summary>
    private static string Run(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = ChildProcess.Run(ChildProcess.DotnetHost, arguments, workingDirectory);
        Assert.AreEqual(0, exitCode, $"dotnet {string.Join(' ', arguments)}:{Environment.NewLine}{output}");
        return output;
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MLNetScratchTrainer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No MLNetScratchTrainer.sln above {AppContext.BaseDirectory}.");
    }
}
