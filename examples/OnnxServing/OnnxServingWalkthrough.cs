using MLNetScratchTrainer;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Examples.TabularComparison;
using MLNetScratchTrainer.Onnx;

namespace MLNetScratchTrainer.Examples.OnnxServing;

/// <summary>
/// Train → export → serve: an ML.NET pipeline (NormalizeMinMax + Mlp) learns the 8×8 digits, is written as one .onnx file
/// that takes the raw pixels, and a fresh process that uses only ONNX Runtime scores the test rows one at a time. The
/// walkthrough then compares the two processes' probabilities and predicted digits, and their per-row latency.
/// </summary>
internal static class OnnxServingWalkthrough
{
    public static void Run(ExampleArguments arguments, OutputFolder output)
    {
        var ml = new MLContext(seed: 1);
        string csv = Path.Combine(DatasetsFolder.Find("digits.csv"), "digits.csv");
        var all = ml.Data.LoadFromTextFile(csv, [new TextLoader.Column("Features", DataKind.Single, 0, DigitRow.Pixels - 1), new TextLoader.Column("Label", DataKind.Single, DigitRow.Pixels)], separatorChar: ',', hasHeader: true);
        var split = ml.Data.TrainTestSplit(all, testFraction: 0.2, seed: 1);

        var options = new MlpOptions { HiddenLayers = [64], NumberOfEpochs = arguments.Smoke ? 3 : 60, BatchNormalization = true, DropoutRate = 0.1f, Seed = 1 };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.MulticlassClassification.Trainers.Mlp(options));
        var clock = Stopwatch.StartNew();
        var model = pipeline.Fit(split.TrainSet);
        Console.WriteLine($"Trained 64-64-10 (batch norm, dropout) on {split.TrainSet.GetRowCount() ?? CountRows(split.TrainSet)} digits in {clock.Elapsed.TotalSeconds:F1} s.");

        string onnxPath = output.File("digits.onnx", "the pipeline as ONNX: raw pixels in, probabilities and predicted class out");
        ml.Model.ExportMlpToOnnx(model, all.Schema, onnxPath);
        Console.WriteLine($"Exported {onnxPath} ({new FileInfo(onnxPath).Length / 1024.0:F1} KiB).");

        var rows = ml.Data.CreateEnumerable<DigitRow>(split.TestSet, reuseRowObject: false).ToArray();
        string rowsPath = output.File("test-rows.bin", "the test digits' raw pixels, handed to the scoring process");
        RowFile.Write(rowsPath, [.. rows.SelectMany(r => r.Features)], DigitRow.Pixels);
        string predictionsPath = output.File("onnx-probabilities.bin", "the probabilities ONNX Runtime computed in the fresh process");
        double onnxLatency = OnnxScoringProcess.Start(onnxPath, rowsPath, predictionsPath);

        var (onnx, classes) = RowFile.Read(predictionsPath);
        var (plugin, pluginLatency) = ScoreInProcess(ml, model, rows);
        Compare(plugin, onnx, classes, out float maxDifference, out int sameClass);

        Console.WriteLine();
        Console.WriteLine($"{"",-34}{"ML.NET + plugin",18}{"ONNX Runtime",16}");
        Console.WriteLine($"{"median latency per row (µs)",-34}{pluginLatency,18:F1}{onnxLatency,16:F1}");
        Console.WriteLine($"{"rows scored",-34}{rows.Length,18}{onnx.Length / classes,16}");
        Console.WriteLine($"Agreement: max |Δ probability| = {maxDifference:E2}, same predicted digit on {sameClass} of {rows.Length} rows.");
        Check.That(maxDifference <= 1e-5f && sameClass == rows.Length, "The ONNX file and the plugin disagree.");

        string report = output.File("agreement.txt", "the figures above");
        File.WriteAllText(report, string.Create(
            CultureInfo.InvariantCulture,
            $"rows={rows.Length}\nmax_abs_probability_difference={maxDifference:E3}\nsame_class={sameClass}\nplugin_median_latency_us={pluginLatency:F2}\nonnx_median_latency_us={onnxLatency:F2}\n"));
    }

    /// <summary>The plugin's probabilities through a PredictionEngine, one row per call, and the median time of a call in µs.</summary>
    private static (float[] Probabilities, double MedianMicroseconds) ScoreInProcess(MLContext ml, ITransformer model, DigitRow[] rows)
    {
        var engine = ml.Model.CreatePredictionEngine<DigitRow, DigitPrediction>(model);
        engine.Predict(rows[0]);
        var probabilities = new List<float>();
        var latencies = new double[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            var clock = Stopwatch.StartNew();
            var prediction = engine.Predict(rows[r]);
            latencies[r] = clock.Elapsed.TotalMicroseconds;
            probabilities.AddRange(prediction.Score);
        }

        Array.Sort(latencies);
        return ([.. probabilities], latencies[rows.Length / 2]);
    }

    private static void Compare(float[] plugin, float[] onnx, int classes, out float maxDifference, out int sameClass)
    {
        Check.That(plugin.Length == onnx.Length, $"The plugin scored {plugin.Length / classes} rows but ONNX Runtime {onnx.Length / classes}.");
        maxDifference = 0f;
        sameClass = 0;
        for (int r = 0; r < plugin.Length / classes; r++)
        {
            var p = plugin.AsSpan(r * classes, classes);
            var o = onnx.AsSpan(r * classes, classes);
            for (int k = 0; k < classes; k++)
            {
                maxDifference = MathF.Max(maxDifference, MathF.Abs(p[k] - o[k]));
            }

            sameClass += p.IndexOf(MaxOf(p)) == o.IndexOf(MaxOf(o)) ? 1 : 0;
        }
    }

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        float max = values[0];
        foreach (float v in values)
        {
            max = MathF.Max(max, v);
        }

        return max;
    }

    private static long CountRows(IDataView data)
    {
        long count = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            count++;
        }

        return count;
    }
}
