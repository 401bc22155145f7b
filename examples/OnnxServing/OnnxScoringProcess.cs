using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLNetScratchTrainer.Engine.Onnx;

namespace MLNetScratchTrainer.Examples.OnnxServing;

/// <summary>
/// The serving side: a process that knows nothing of ML.NET or the plugin, loads the .onnx file with ONNX Runtime and
/// scores rows one at a time, as a service answering single requests would. Started by <see cref="Start"/>.
/// </summary>
internal static class OnnxScoringProcess
{
    /// <summary>The command-line switch that turns the example into the scoring process.</summary>
    public const string ServeFlag = "--serve-onnx";

    private const string LatencyPrefix = "median-latency-us=";

    /// <summary>Runs this program again as <c>--serve-onnx MODEL ROWS PREDICTIONS</c> and returns the median per-row latency it measured, in microseconds.</summary>
    /// <exception cref="InvalidOperationException">The process failed or did not report its latency.</exception>
    public static double Start(string model, string rows, string predictions)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(OnnxScoringProcess).Assembly.Location);
        }

        foreach (string argument in new[] { ServeFlag, model, rows, predictions })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        string? line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(LatencyPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The ONNX scoring process failed (exit code {process.ExitCode}): {errors}{output}");
        }

        return double.Parse(line[LatencyPrefix.Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>The scoring process: <c>--serve-onnx MODEL ROWS PREDICTIONS</c>.</summary>
    public static int Serve(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine($"Usage: {ServeFlag} MODEL.onnx ROWS.bin PREDICTIONS.bin");
            return 2;
        }

        var (rows, width) = RowFile.Read(args[2]);
        using var session = new InferenceSession(args[1]);
        string input = session.InputMetadata.Keys.Single();
        int count = rows.Length / width;
        var probabilities = new List<float>();
        var latencies = new double[count];
        for (int r = -1; r < count; r++)
        {
            // Row −1 warms the session up (first-run allocations) and is not timed.
            var row = rows.AsMemory(Math.Max(r, 0) * width, width).ToArray();
            var clock = Stopwatch.StartNew();
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(input, new DenseTensor<float>(row, [1, width]))]);
            var scores = results.First(v => v.Name == MlpOnnxOutputs.Probabilities).AsTensor<float>().ToArray();
            if (r >= 0)
            {
                latencies[r] = clock.Elapsed.TotalMicroseconds;
                probabilities.AddRange(scores);
            }
        }

        RowFile.Write(args[3], [.. probabilities], probabilities.Count / count);
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{LatencyPrefix}{latencies[count / 2]:F2}"));
        return 0;
    }
}
