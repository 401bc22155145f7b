using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Benchmarks.Streaming;

/// <summary>
/// Larger than memory: writes a binary <c>.idv</c> of at least <c>--gigabytes</c> GB (default 5) with
/// <c>mlContext.Data.SaveAsBinary</c> from a lazily generated data view (<see cref="GeneratedRows"/>), then trains the
/// plugin's Mlp on it, each run in its own process so that its peak memory is its own:
/// <list type="number">
/// <item>in memory on the first <c>--subset-rows</c> rows (default 1,000,000), the reference throughput;</item>
/// <item>streamed, on the same subset;</item>
/// <item>streamed, on the whole file, with <c>DataLoading = Auto</c> under a 1 GB GC heap limit (<c>DOTNET_GCHeapHardLimit</c>),
/// so that the rule itself must choose streaming and the rows cannot be in the managed heap.</item>
/// </list>
/// Each prints its peak RSS (<c>Process.PeakWorkingSet64</c>, the kernel's VmHWM), its rows/s in the epoch and over the
/// whole Fit (with its first pass), and its test accuracy. The file is deleted at the end unless <c>--keep</c>.
/// Arguments: [--gigabytes G] [--features F] [--subset-rows N] [--epochs E] [--threads T] [--dir DIR] [--keep]; or
/// <c>--accuracy</c> for <see cref="ShuffleAccuracy"/>.
/// </summary>
public static class StreamingBenchmark
{
    private const string ChildFlag = "--child";
    private const int TestRows = 20_000;

    /// <summary>The child mode that only reads the rows through a cursor: the cost streaming adds to every epoch.</summary>
    private const string ReadOnly = "Read";

    /// <summary>The batch size of every run: the data-size rule's for 8,192 rows or more, set so that batches × it counts the training rows.</summary>
    private const int BatchSize = 256;

    /// <summary>Runs the harness (or, with <c>--child</c>, one of its measurements).</summary>
    public static void Run(string[] args)
    {
        if (args.Contains("--accuracy"))
        {
            ShuffleAccuracy.Run(args);
            return;
        }

        if (HarnessArguments.Text(args, ChildFlag) is { } child)
        {
            Measure(args, child);
            return;
        }

        double gigabytes = double.Parse(HarnessArguments.Text(args, "--gigabytes") ?? "5", CultureInfo.InvariantCulture);
        int features = HarnessArguments.Integer(args, "--features", 100);
        int subsetRows = HarnessArguments.Integer(args, "--subset-rows", 1_000_000);
        string directory = Path.Combine(HarnessArguments.Text(args, "--dir") ?? Path.GetTempPath(), $"mlp-stream-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "rows.idv");
        try
        {
            long rows = Generate(path, gigabytes, features, directory);
            string[] common = ["stream", "--path", path, "--features", features.ToString(CultureInfo.InvariantCulture),
                "--epochs", HarnessArguments.Text(args, "--epochs") ?? "1", "--threads", HarnessArguments.Text(args, "--threads") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)];
            string subset = Math.Min(subsetRows, rows).ToString(CultureInfo.InvariantCulture);
            ChildProcess.Run([.. common, ChildFlag, ReadOnly, "--rows", subset]);
            ChildProcess.Run([.. common, ChildFlag, nameof(DataLoading.InMemory), "--rows", subset]);
            ChildProcess.Run([.. common, ChildFlag, nameof(DataLoading.Streaming), "--rows", subset]);
            ChildProcess.Run([.. common, ChildFlag, nameof(DataLoading.Auto)], new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x40000000" });
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>Writes the file: first a probe of 20,000 rows to learn the bytes per row after ML.NET's compression, then enough rows for the size asked.</summary>
    private static long Generate(string path, double gigabytes, int features, string directory)
    {
        var ml = new MLContext(seed: 1);
        string probe = Path.Combine(directory, "probe.idv");
        const int probeRows = 20_000;
        Save(ml, GeneratedRows.Load(ml, probeRows, features, seed: 1), probe);
        double bytesPerRow = new FileInfo(probe).Length / (double)probeRows;
        File.Delete(probe);
        long rows = (long)Math.Ceiling(gigabytes * (1L << 30) / bytesPerRow);
        var clock = Stopwatch.StartNew();
        Save(ml, GeneratedRows.Load(ml, rows, features, seed: 1), path);
        long bytes = new FileInfo(path).Length;
        Console.WriteLine(
            $"Wrote {path}: {rows:N0} rows × {features} features, {bytes / (double)(1L << 30):F2} GiB ({bytesPerRow:F0} bytes a row after compression) in {clock.Elapsed.TotalSeconds:F0} s; " +
            $"rows × slots × 4 = {rows * features * 4.0 / (1L << 30):F2} GiB in memory; generator peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return rows;
    }

    private static void Save(MLContext ml, IDataView data, string path)
    {
        using var stream = File.Create(path);
        ml.Data.SaveAsBinary(data, stream);
    }

    /// <summary>One measurement, in a child process: fit on the file (or its first rows) with the given data loading, and report.</summary>
    private static void Measure(string[] args, string mode)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromBinary(HarnessArguments.Text(args, "--path")!);
        if (HarnessArguments.Text(args, "--rows") is { } rowText)
        {
            data = ml.Data.TakeRows(data, long.Parse(rowText, CultureInfo.InvariantCulture));
        }

        if (mode == ReadOnly)
        {
            MeasureReading(data);
            return;
        }

        var loading = Enum.Parse<DataLoading>(mode);

        int batches = 0;
        var options = new MlpOptions
        {
            NumberOfEpochs = HarnessArguments.Integer(args, "--epochs", 1),
            NumberOfThreads = HarnessArguments.Integer(args, "--threads", Environment.ProcessorCount),
            Seed = 1,
            BatchSize = BatchSize,
            DataLoading = loading,
            BatchCompleted = (_, _, count) => batches = count,
        };
        bool streamed = false;
        ml.Log += (_, e) => streamed |= e.Message.Contains("streamed from the data view", StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        var model = ml.MulticlassClassification.Trainers.Mlp(options).Fit(data);
        double fitSeconds = clock.Elapsed.TotalSeconds;
        var history = model.History;
        long trainRows = (long)batches * BatchSize;
        double epochSeconds = history.Epochs.Sum(epoch => epoch.Seconds);
        long rows = data.GetRowCount() ?? -1;
        int features = HarnessArguments.Integer(args, "--features", 100);
        var test = GeneratedRows.Load(ml, TestRows, features, seed: 2);
        double accuracy = ml.MulticlassClassification.Evaluate(model.Transform(test)).MicroAccuracy;
        Console.WriteLine(
            $"  {mode,-9} {(streamed ? "streamed" : "in memory"),-9} {rows,12:N0} rows: fit {fitSeconds,7:F1} s, epochs {epochSeconds,7:F1} s; " +
            $"{trainRows * history.Epochs.Count / epochSeconds,8:N0} training rows/s in the epochs, {rows * (double)history.Epochs.Count / fitSeconds,8:N0} rows/s over the fit; " +
            $"peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,6:F0} MB; test accuracy {accuracy:P2}");
    }

    /// <summary>One pass of a cursor over the features and labels, copying each feature vector out as the plugin does.</summary>
    private static void MeasureReading(IDataView data)
    {
        var clock = Stopwatch.StartNew();
        long rows = 0;
        using (var cursor = data.GetRowCursor(data.Schema))
        {
            var getFeatures = cursor.GetGetter<Microsoft.ML.Data.VBuffer<float>>(data.Schema["Features"]);
            var getLabel = cursor.GetGetter<float>(data.Schema["Label"]);
            Microsoft.ML.Data.VBuffer<float> features = default;
            float label = 0;
            var row = new float[((Microsoft.ML.Data.VectorDataViewType)data.Schema["Features"].Type).Size];
            for (; cursor.MoveNext(); rows++)
            {
                getFeatures(ref features);
                features.CopyTo(row);
                getLabel(ref label);
            }
        }

        Console.WriteLine($"  {ReadOnly,-9} cursor    {rows,12:N0} rows: {clock.Elapsed.TotalSeconds,7:F1} s, {rows / clock.Elapsed.TotalSeconds,8:N0} rows/s read through a cursor alone");
    }
}
