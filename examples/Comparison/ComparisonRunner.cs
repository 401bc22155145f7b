using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.ML;
using MLNetScratchTrainer.Examples.Shared;
using MLNetScratchTrainer.Examples.Shared.Progress;

namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>
/// Runs the trainers of a comparison one after another, as a user would: fits each pipeline (with live progress), evaluates it
/// on the test rows with ML.NET's evaluator, saves it with <c>mlContext.Model.Save</c>, loads it back in a fresh
/// <see cref="MLContext"/> and checks that the loaded pipeline scores a sample of test rows exactly as the original does.
/// </summary>
public sealed class ComparisonRunner
{
    /// <summary>The largest difference between a score of the original and of the reloaded pipeline that passes the check.</summary>
    public const float ReloadTolerance = 1e-6f;

    private readonly MLContext _mlContext;
    private readonly MetricSet _metrics;
    private readonly OutputFolder _output;
    private readonly int _reloadSampleRows;

    /// <summary>Creates a runner.</summary>
    /// <param name="mlContext">The context the pipelines were made in.</param>
    /// <param name="metrics">What to measure on the test rows.</param>
    /// <param name="output">Where the saved pipelines go.</param>
    /// <param name="reloadSampleRows">How many test rows the reloaded pipeline scores for the check.</param>
    public ComparisonRunner(MLContext mlContext, MetricSet metrics, OutputFolder output, int reloadSampleRows)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reloadSampleRows);
        _mlContext = mlContext;
        _metrics = metrics;
        _output = output;
        _reloadSampleRows = reloadSampleRows;
    }

    /// <summary>Runs every candidate and returns the table of those that ran (a candidate whose native library is missing is skipped).</summary>
    /// <param name="title">The table's title.</param>
    /// <param name="dataName">Names the saved model files, such as "mnist".</param>
    /// <param name="candidates">The trainers.</param>
    /// <param name="testData">The rows every pipeline is evaluated on.</param>
    /// <exception cref="CheckFailedException">A reloaded pipeline scores differently.</exception>
    public ComparisonTable Run(string title, string dataName, IEnumerable<Candidate> candidates, IDataView testData)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(testData);
        var table = new ComparisonTable(title, _metrics);
        foreach (var candidate in candidates)
        {
            if (Run(candidate, dataName, testData) is { } result)
            {
                table.Add(result);
            }
        }

        return table;
    }

    private ComparisonResult? Run(Candidate candidate, string dataName, IDataView testData)
    {
        long rows = RowCount.Of(candidate.TrainingData);
        Console.WriteLine($"{candidate.Name} on {rows:N0} training rows: {candidate.Settings}");
        var clock = Stopwatch.StartNew();
        ITransformer model;
        try
        {
            model = ProgressDisplay.Run(candidate.Name, "batch", display => Fit(candidate, display));
        }
        catch (Exception e) when (candidate.NativeLibrary is not null && FindNativeLoadFailure(e) is { } failure)
        {
            string reason = FirstSentence(failure.Message);
            Console.WriteLine($"{candidate.Name} skipped: its native library {candidate.NativeLibrary} could not be loaded ({failure.GetType().Name}: {reason})");
            return null;
        }

        double fitSeconds = clock.Elapsed.TotalSeconds;
        double[] metrics = _metrics.Evaluate(_mlContext, model.Transform(testData));
        string path = _output.File($"{dataName}-{FileStem(candidate.Name)}.zip", $"the fitted {candidate.Name} pipeline (mlContext.Model.Save)");
        _mlContext.Model.Save(model, candidate.TrainingData.Schema, path);
        long modelBytes = new FileInfo(path).Length;
        string reload = CheckReload(candidate.Name, path, model, testData);
        var first = _metrics.Metrics[0];
        Console.WriteLine(
            $"{candidate.Name}: fitted in {fitSeconds:F2} s, {first.Name} {metrics[0].ToString(first.Format, CultureInfo.InvariantCulture)}, " +
            $"saved {modelBytes:N0} bytes; reloaded in a fresh MLContext: {reload}.");
        return new ComparisonResult(candidate.Name, candidate.Settings, rows, fitSeconds, metrics, modelBytes);
    }

    private static ITransformer Fit(Candidate candidate, ProgressDisplay display)
    {
        var pipeline = candidate.CreatePipeline(display);
        if (!candidate.ReportsProgress)
        {
            display.ReportStatus("fitting");
        }

        var model = pipeline.Fit(candidate.TrainingData);
        display.Complete();
        return model;
    }

    private string CheckReload(string trainer, string path, ITransformer model, IDataView testData)
    {
        var sample = _mlContext.Data.TakeRows(testData, _reloadSampleRows);
        long sampleRows = RowCount.Of(sample);
        float[] original = ScoreColumn.Read(model.Transform(sample));
        var loaded = new MLContext(seed: 1).Model.Load(path, out _);
        float[] reloaded = ScoreColumn.Read(loaded.Transform(sample));
        Check.That(original.Length == reloaded.Length, $"The reloaded {trainer} pipeline gives {reloaded.Length} score values for the sample; the original gives {original.Length}.");
        int differing = 0;
        float largest = 0f;
        for (int i = 0; i < original.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(original[i]) != BitConverter.SingleToInt32Bits(reloaded[i]))
            {
                differing++;
                float difference = MathF.Abs(original[i] - reloaded[i]);
                largest = float.IsNaN(difference) ? float.PositiveInfinity : MathF.Max(largest, difference);
            }
        }

        Check.That(largest <= ReloadTolerance, $"The reloaded {trainer} pipeline ({path}) scores test rows differently: {differing} of {original.Length} values differ, by up to {largest:G3}.");
        return differing == 0
            ? $"{original.Length:N0} scores of {sampleRows:N0} test rows bit-identical"
            : $"{differing:N0} of {original.Length:N0} scores of {sampleRows:N0} test rows differ, by at most {largest:G2}";
    }

    private static Exception? FindNativeLoadFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                return e;
            }
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        string line = message.Split('\n', 2)[0].Trim();
        int end = line.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? line[..(end + 1)] : line;
    }

    private static string FileStem(string name)
    {
        var stem = new StringBuilder();
        foreach (char c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                stem.Append(char.ToLowerInvariant(c));
            }
            else if (stem.Length > 0 && stem[^1] != '-')
            {
                stem.Append('-');
            }
        }

        return stem.ToString().TrimEnd('-');
    }
}
