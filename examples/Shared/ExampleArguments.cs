using System.Globalization;
using System.Text;

namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>
/// The command line every example understands: <c>--smoke</c> for a tiny fast run, <c>--output DIR</c> for the
/// folder of pictures and tables, <c>--mnist DIR</c> for the MNIST files, <c>--help</c>, plus the options an example
/// declares: whole numbers (such as <c>--epochs N</c>) and switches (such as <c>--overhead</c>).
/// </summary>
public sealed class ExampleArguments
{
    private readonly Dictionary<string, int> _integers;
    private readonly HashSet<string> _flags;

    private ExampleArguments(bool smoke, bool help, string outputDirectory, string? mnistDirectory, Dictionary<string, int> integers, HashSet<string> flags)
    {
        Smoke = smoke;
        Help = help;
        OutputDirectory = outputDirectory;
        MnistDirectory = mnistDirectory;
        _integers = integers;
        _flags = flags;
    }

    /// <summary>True for a run of a few seconds on a sliver of the data (what test.sh runs).</summary>
    public bool Smoke { get; }

    /// <summary>True when the user asked for the usage text.</summary>
    public bool Help { get; }

    /// <summary>Where the example writes its outputs: <c>--output</c>, or <c>output/&lt;example&gt;</c> under the current folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>The MNIST folder given with <c>--mnist</c>, or null to let <c>Mnist.ResolveDirectory</c> search for it.</summary>
    public string? MnistDirectory { get; }

    /// <summary>Parses the command line.</summary>
    /// <param name="exampleName">Names the default output folder.</param>
    /// <param name="args">The arguments as the program received them.</param>
    /// <param name="exampleOptions">The extra options this example accepts.</param>
    /// <exception cref="ArgumentException">An unknown option, a missing value or a value that is not a positive whole number.</exception>
    public static ExampleArguments Parse(string exampleName, IReadOnlyList<string> args, IReadOnlyList<ExampleOption> exampleOptions)
    {
        ArgumentException.ThrowIfNullOrEmpty(exampleName);
        ArgumentNullException.ThrowIfNull(args);
        bool smoke = false, help = false;
        string? output = null, mnist = null;
        var integers = new Dictionary<string, int>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i];
            switch (option)
            {
                case "--smoke":
                    smoke = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                case "--output":
                    output = ValueOf(args, ref i);
                    break;
                case "--mnist":
                    mnist = ValueOf(args, ref i);
                    break;
                default:
                    var declared = exampleOptions.FirstOrDefault(o => o.Name == option) ?? throw new ArgumentException($"Unknown option '{option}'.");
                    if (declared is FlagOption)
                    {
                        flags.Add(option);
                        break;
                    }

                    string text = ValueOf(args, ref i);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value <= 0)
                    {
                        throw new ArgumentException($"The option {option} needs a positive whole number but got '{text}'.");
                    }

                    integers[option] = value;
                    break;
            }
        }

        return new ExampleArguments(smoke, help, output ?? Path.Combine("output", exampleName), mnist, integers, flags);
    }

    /// <summary>The usage text of an example.</summary>
    public static string Usage(string exampleName, IReadOnlyList<ExampleOption> exampleOptions)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: dotnet run --project examples/{exampleName} -c Release -- [options]");
        text.AppendLine("  --smoke         a tiny run of a few seconds (a sliver of the data, few steps)");
        text.AppendLine($"  --output DIR    where to write pictures and tables (default output/{exampleName})");
        text.AppendLine("  --mnist DIR     the folder of the four MNIST files (default: MNIST_DIR, or shared/datasets/mnist found upwards)");
        foreach (var option in exampleOptions)
        {
            string typed = option is IntegerOption ? option.Name + " N" : option.Name;
            text.AppendLine($"  {typed,-15} {option.Description}");
        }

        text.Append("  --help          this text");
        return text.ToString();
    }

    /// <summary>The value given for an integer option, or <paramref name="defaultValue"/> when it was not given.</summary>
    public int Integer(string name, int defaultValue) => _integers.TryGetValue(name, out int value) ? value : defaultValue;

    /// <summary>Whether the switch <paramref name="name"/> was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    private static string ValueOf(IReadOnlyList<string> args, ref int index)
    {
        string option = args[index];
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The option {option} needs a value.");
        }

        index++;
        return args[index];
    }
}
