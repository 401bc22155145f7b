using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Serialization;
using MLNetScratchTrainer.Persistence;

namespace MLNetScratchTrainer.Tests.Persistence;

/// <summary>
/// A process killed with SIGKILL while it saves over an existing model (tests/MLNetScratchTrainer.SaveVictim, which
/// saves two models alternately in a loop) leaves a file that loads as one of the two models, and whatever temporary
/// file it leaves does not stop the next process from saving: for the engine's <c>Save</c> and for
/// <c>mlContext.Model.SaveAtomically</c>. (ML.NET's own <c>Model.Save</c> writes in place; docs/reliability.md.)
/// </summary>
[TestClass]
public sealed class CrashSafeSaveTests
{
    private const int Rounds = 2;

    [TestMethod]
    public void EngineSave_KilledMidSave_LeavesALoadableModel()
        => AssertSurvivesKills("engine", path => EngineScores(path));

    [TestMethod]
    public void MlNetSaveAtomically_KilledMidSave_LeavesALoadableModel()
        => AssertSurvivesKills("mlnet-atomic", path => MlNetScores(path));

    private static void AssertSurvivesKills(string mode, Func<string, float[]> scores)
    {
        using var directory = new TemporaryDirectory();
        string model = directory.File("model.zip");
        var random = new Random(7);
        int strays = 0;
        for (int round = 1; round <= Rounds; round++)
        {
            // Each round's victim must first save twice over the previous round's leftovers: a stray temporary file
            // that tripped a later save would stop it here.
            RunAndKill(mode, directory.Path, TimeSpan.FromMilliseconds(random.Next(5, 60)));

            float[] actual = scores(model);
            bool isA = actual.SequenceEqual(scores(directory.File("a.zip"))), isB = actual.SequenceEqual(scores(directory.File("b.zip")));
            Assert.IsTrue(isA || isB, $"round {round}: model.zip loads but is neither of the two saved models");
            strays = Directory.GetFiles(directory.Path, AtomicFile.TemporaryPattern(model)).Length;
        }

        // Evidence that the kills landed inside saves (otherwise the test would prove nothing): their temporary files.
        Assert.IsGreaterThan(0, strays, "no kill landed inside a save");
    }

    /// <summary>Starts the victim, waits until it has completed two saves, waits <paramref name="delay"/> more and kills it.</summary>
    private static void RunAndKill(string mode, string folder, TimeSpan delay)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { VictimPath(), mode, folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var victim = Process.Start(start)!;
        for (string? line = victim.StandardOutput.ReadLine(); line != "saved 2"; line = victim.StandardOutput.ReadLine())
        {
            Assert.IsNotNull(line, $"the save victim ended before its second save: {victim.StandardError.ReadToEnd()}");
        }

        Thread.Sleep(delay);
        victim.Kill();
        victim.WaitForExit();
    }

    /// <summary>The victim's assembly: the same configuration and framework folder as this test assembly, in its own project.</summary>
    private static string VictimPath()
    {
        const string Tests = "MLNetScratchTrainer.Tests", Victim = "MLNetScratchTrainer.SaveVictim";
        string path = Path.Combine(AppContext.BaseDirectory.Replace(Tests, Victim, StringComparison.Ordinal), Victim + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build tests/{Victim} first (the test project references it).", path);
    }

    private static float[] EngineScores(string path)
    {
        var model = MlpModel.Load(path);
        float[] rows = [.. Enumerable.Range(0, 4 * model.InputSize).Select(i => (float)Math.Sin(i))];
        var scores = new float[4 * model.OutputSize];
        model.PredictBatch(rows, scores);
        return scores;
    }

    private static float[] MlNetScores(string path)
    {
        MlpPersistence.Register();
        var ml = new MLContext();
        var model = ml.Model.Load(path, out _);
        var rows = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 4).Select(r => new WideRow { Features = [.. Enumerable.Range(0, 784).Select(i => (float)Math.Sin((r * 784) + i))] }));
        return [.. model.Transform(rows).GetColumn<float[]>("Score").SelectMany(score => score)];
    }

    private sealed class WideRow
    {
        [VectorType(784)]
        public float[] Features { get; set; } = [];
    }
}
