using System.Globalization;

namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>The machine's load (Linux' one-minute load average) beside its core count, so a report can say how busy the machine was while it measured fit times.</summary>
internal static class LoadAverage
{
    /// <summary>Such as "load average 3.10 on 2 cores", or "load average unknown on 2 cores" where /proc/loadavg does not exist.</summary>
    public static string Describe()
    {
        const string path = "/proc/loadavg";
        string load = File.Exists(path) && File.ReadAllText(path).Split(' ') is [var first, ..] && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value.ToString("F2", CultureInfo.InvariantCulture)
            : "unknown";
        return $"load average {load} on {Environment.ProcessorCount} cores";
    }
}
