using System.Diagnostics;
using System.Globalization;

namespace MLNetScratchTrainer.Benchmarks.Peers;

/// <summary>
/// Runs <c>Peers/gemm_peer.py</c>: NumPy's float32 matrix multiply (OpenBLAS) on given shapes, with OpenBLAS told to use
/// its AVX-512 kernels (<see cref="CoreType"/>) and a given number of threads.
/// </summary>
public static class NumPyPeer
{
    /// <summary>The OpenBLAS kernel family forced on the peer: 0.3.21 does not detect AVX-512 on this CPU by itself.</summary>
    public const string CoreType = "SkylakeX";

    /// <summary>NumPy's version and the BLAS library it loaded, filled by <see cref="Time"/>.</summary>
    public static string Version { get; private set; } = "?";

    /// <summary>Seconds per product for each shape, best of five rounds.</summary>
    /// <exception cref="InvalidOperationException">Python or NumPy is missing, or the script failed.</exception>
    public static double[] Time((string Name, bool TransposeA, bool TransposeB, int M, int N, int K)[] shapes, int threads, string python)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Peers", "gemm_peer.py");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var s in shapes)
        {
            start.ArgumentList.Add(string.Join(':', s.Name.Replace(':', ' '), s.TransposeA ? 1 : 0, s.TransposeB ? 1 : 0, s.M, s.N, s.K));
        }

        start.Environment["OPENBLAS_CORETYPE"] = CoreType;
        start.Environment["OPENBLAS_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        start.Environment["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        string[] lines = RunToEnd(start).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Version = lines[0].TrimStart('#', ' ');
        return [.. lines.Skip(1).Select(line => double.Parse(line.Split('\t')[1], CultureInfo.InvariantCulture))];
    }

    private static string RunToEnd(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{start.FileName} {string.Join(' ', start.ArgumentList.Take(1))} failed (exit {process.ExitCode}): {error.Result.Trim()}. " +
                "The peer needs Python 3 with NumPy and OpenBLAS: apt-get install -y python3-numpy libopenblas0-pthread.");
        }

        return output;
    }
}
