namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// The benchmark's options that take text (lists, option settings), which the shared command line (whole numbers and
/// switches only) does not know: taken out of the arguments before the rest go to <c>ExampleRunner</c>.
/// </summary>
internal sealed class TextArguments
{
    /// <summary>The options taking text, with their usage lines.</summary>
    public static IReadOnlyList<(string Name, string Description)> Options { get; } =
    [
        ("--datasets", "comma-separated data sets (file names without .csv; default every CSV in the data folders)"),
        ("--trainers", $"comma-separated trainer families (default {string.Join(",", TrainerFamilies.All)}; {BenchmarkSettings.NoTrainers} with --reuse: report again)"),
        ("--mlp", "Mlp option settings by property name, such as \"HiddenLayers=256,256;BatchSize=256\""),
        ("--data", "comma-separated data folders (default datasets/ and shared/datasets/tabular-extra, found upwards)"),
        ("--reuse", "a runs.csv of an earlier run: its fits of the trainers not run now are reused (to ablate the Mlp alone)"),
    ];

    private readonly Dictionary<string, string> _values;

    private TextArguments(Dictionary<string, string> values) => _values = values;

    /// <summary>Splits <paramref name="args"/> into these options and the rest.</summary>
    /// <exception cref="ArgumentException">An option is given twice or without a value.</exception>
    public static (TextArguments Text, string[] Remaining) Extract(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (!Options.Any(option => option.Name == args[i]))
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The option {args[i]} needs a value.");
            }

            if (!values.TryAdd(args[i], args[i + 1]))
            {
                throw new ArgumentException($"The option {args[i]} is given twice.");
            }

            i++;
        }

        return (new TextArguments(values), [.. rest]);
    }

    /// <summary>The usage lines of these options.</summary>
    public static string Usage() => string.Join('\n', Options.Select(option => $"  {option.Name + " TEXT",-15} {option.Description}"));

    /// <summary>The text given for <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => _values.GetValueOrDefault(name);

    /// <summary>The comma-separated items given for <paramref name="name"/>, or null when it was not given.</summary>
    public IReadOnlyList<string>? List(string name) =>
        Value(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
