using System.Globalization;

namespace MLNetScratchTrainer.Benchmarks;

/// <summary>The "--name value" options of the timing harnesses.</summary>
public static class HarnessArguments
{
    /// <summary>The value after <paramref name="name"/>, or null.</summary>
    public static string? Text(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int Integer(string[] args, string name, int fallback)
        => Text(args, name) is string text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The number after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static float Real(string[] args, string name, float fallback)
        => Text(args, name) is string text ? float.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
