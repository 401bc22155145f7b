using MLNetScratchTrainer.Trainers;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>What one run of the benchmark does: which data sets, splits and trainers, and the Mlp's options.</summary>
internal sealed class BenchmarkSettings
{
    /// <summary>Splits of the default run (seeds 1, 2, 3).</summary>
    public const int DefaultSplits = 3;

    /// <summary>The value of <c>--trainers</c> that fits nothing and reports the fits of <c>--reuse</c> again.</summary>
    public const string NoTrainers = "none";

    /// <summary>The Mlp's epochs in the smoke run.</summary>
    public const int SmokeMlpEpochs = 5;

    /// <summary>The smoke run's data sets: one small set per task (the regression one with text columns).</summary>
    public static IReadOnlyList<string> SmokeDatasets { get; } = ["iris", "breast_cancer", "salaries"];

    private BenchmarkSettings(bool smoke, IReadOnlyList<int> splitSeeds, IReadOnlyList<string>? datasets, IReadOnlyList<string> families, OptionOverrides mlpOverrides, IReadOnlyList<string>? dataFolders, string? reusePath)
    {
        Smoke = smoke;
        SplitSeeds = splitSeeds;
        Datasets = datasets;
        Families = families;
        MlpOverrides = mlpOverrides;
        DataFolders = dataFolders;
        ReusePath = reusePath;
    }

    /// <summary>A run of seconds: <see cref="SmokeDatasets"/>, one split, an Mlp of <see cref="SmokeMlpEpochs"/> epochs.</summary>
    public bool Smoke { get; }

    /// <summary>The seeds of the 80/20 splits, 1, 2, ….</summary>
    public IReadOnlyList<int> SplitSeeds { get; }

    /// <summary>The data sets asked for, or null for every CSV file of the data folders.</summary>
    public IReadOnlyList<string>? Datasets { get; }

    /// <summary>The trainer families to fit, in table order.</summary>
    public IReadOnlyList<string> Families { get; }

    /// <summary>Settings applied onto the Mlp's default options.</summary>
    public OptionOverrides MlpOverrides { get; }

    /// <summary>The data folders given, or null for <see cref="TabularBenchmark.DataFolders.FindDefaults"/>.</summary>
    public IReadOnlyList<string>? DataFolders { get; }

    /// <summary>A runs.csv whose fits of the families not run now are reused, or null.</summary>
    public string? ReusePath { get; }

    /// <summary>Reads the settings from the command line.</summary>
    /// <exception cref="ArgumentException">An unknown trainer family, or Mlp settings that do not parse or name no option.</exception>
    public static BenchmarkSettings From(ExampleArguments arguments, TextArguments text)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(text);
        var families = text.Value("--trainers") == NoTrainers ? [] : text.List("--trainers") ?? TrainerFamilies.All;
        if (families.Count == 0 && text.Value("--reuse") is null)
        {
            throw new ArgumentException($"--trainers {NoTrainers} only reports the fits of --reuse FILE again; give --reuse too.");
        }

        string? unknown = families.FirstOrDefault(family => !TrainerFamilies.All.Contains(family));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown trainer family '{unknown}' in --trainers; the families are {string.Join(", ", TrainerFamilies.All)}.");
        }

        var overrides = text.Value("--mlp") is { } mlp ? OptionOverrides.Parse(mlp) : OptionOverrides.None;
        overrides.ApplyTo(new MlpOptions());
        int splits = arguments.Integer("--splits", arguments.Smoke ? 1 : DefaultSplits);
        return new BenchmarkSettings(
            arguments.Smoke,
            [.. Enumerable.Range(1, splits)],
            text.List("--datasets") ?? (arguments.Smoke ? SmokeDatasets : null),
            [.. TrainerFamilies.All.Where(families.Contains)],
            overrides,
            text.List("--data"),
            text.Value("--reuse"));
    }

    /// <summary>The Mlp's options for one fit: the plugin's defaults, the smoke run's epochs, then <see cref="MlpOverrides"/>.</summary>
    public MlpOptions CreateMlpOptions()
    {
        var options = new MlpOptions();
        if (Smoke)
        {
            options.NumberOfEpochs = SmokeMlpEpochs;
        }

        MlpOverrides.ApplyTo(options);
        return options;
    }

    /// <summary>What the Mlp is given, for the report.</summary>
    public string MlpDescription()
    {
        string epochs = Smoke ? $"NumberOfEpochs={SmokeMlpEpochs} (smoke run)" : string.Empty;
        string settings = string.Join("; ", new[] { epochs, MlpOverrides.ToString() }.Where(part => part.Length > 0));
        return settings.Length == 0 ? "the plugin's default options" : $"the plugin's default options, then {settings}";
    }
}
