using System.Diagnostics;
using MLNetScratchTrainer.Fuzzing.Mutations;
using MLNetScratchTrainer.Fuzzing.Running;
using MLNetScratchTrainer.Fuzzing.Targets;

// Fuzzes the engine's and ML.NET's model loaders for a while and prints cases and outcomes by exception type.
//   dotnet run -c Release --project tests/MLNetScratchTrainer.Fuzz -- [--minutes M] [--seed S] [--target engine|mlnet|both] [--findings DIR]
// Each case runs on this thread; a watchdog ends the process (exit code 3) if one case hangs for ten times the time
// limit, after writing it to the findings folder. Findings are written there as <target>-<n>.zip with a .txt beside.
// Exit code: 0 without findings, 1 with findings.
var settings = Settings.Parse(args);
Directory.CreateDirectory(settings.FindingsFolder);
ILoaderTarget[] targets = settings.Target switch
{
    "engine" => [new EngineTarget()],
    "mlnet" => [new MlNetTarget()],
    _ => [new EngineTarget(), new MlNetTarget()],
};

var deadline = Stopwatch.StartNew();
var budget = TimeSpan.FromMinutes(settings.Minutes / targets.Length);
int findings = 0;
foreach (var target in targets)
{
    var runner = new CaseRunner(target);
    var mutator = new Mutator(target);
    var tally = new Tally();
    var started = Stopwatch.StartNew();
    using var watchdog = new Watchdog(CaseRunner.TimeLimit * 10, settings.FindingsFolder, target.Name, () => $"== {target.Name} until the hang: {started.Elapsed.TotalMinutes:F1} minutes{Environment.NewLine}{tally.Report()}");
    foreach (var fuzzCase in mutator.EveryTruncation().Concat(mutator.Random(settings.Seed)))
    {
        watchdog.Arm(fuzzCase);
        var result = runner.Run(fuzzCase);
        watchdog.Disarm();
        tally.Add(result);
        if (result.IsFinding)
        {
            string path = Path.Combine(settings.FindingsFolder, $"{target.Name}-{tally.Findings.Count}");
            File.WriteAllBytes(path + ".zip", fuzzCase.Bytes);
            File.WriteAllText(path + ".txt", result.ToString());
            Console.WriteLine($"[{target.Name}] {result}");
        }

        if (started.Elapsed > budget)
        {
            break;
        }
    }

    findings += tally.Findings.Count;
    Console.WriteLine($"== {target.Name}: {started.Elapsed.TotalMinutes:F1} minutes, seed {settings.Seed}");
    Console.WriteLine(tally.Report());
}

Console.WriteLine($"Total {deadline.Elapsed.TotalMinutes:F1} minutes, {findings} findings.");
return findings == 0 ? 0 : 1;

/// <summary>Command-line settings.</summary>
internal sealed record Settings(double Minutes, int Seed, string Target, string FindingsFolder)
{
    public static Settings Parse(string[] args)
    {
        string Value(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        return new Settings(
            double.Parse(Value("--minutes", "1"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--seed", "1"), System.Globalization.CultureInfo.InvariantCulture),
            Value("--target", "both"),
            Value("--findings", Path.Combine("output", "fuzz-findings")));
    }
}
