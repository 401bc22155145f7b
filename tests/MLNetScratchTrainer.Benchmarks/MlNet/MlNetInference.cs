using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Benchmarks.MlNet;

/// <summary>
/// Inference through ML.NET: <c>Transform</c> over 1,000,000 rows (rows/s, read through a cursor of the Score column)
/// and <c>PredictionEngine.Predict</c> one row at a time (µs/row), for the Mlp beside SdcaMaximumEntropy and LightGbm
/// trained on the same generated data (32 features, 5 classes). The 1,000,000 rows cycle through 10,000 generated
/// ones, so the source costs almost nothing; its bare read time is printed too. Wall and CPU time per predicted row (CPU
/// time is the fairer figure on a shared machine), and for the Mlp its engine Predictor alone, so the difference is the
/// cost of going through ML.NET.
/// Arguments: [--rows N] [--epochs N] (the Mlp's epochs; speed does not depend on them).
/// </summary>
public static class MlNetInference
{
    /// <summary>Number of classes of the generated data.</summary>
    public const int Classes = 5;

    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        int rows = HarnessArguments.Integer(args, "--rows", 1_000_000);
        int epochs = HarnessArguments.Integer(args, "--epochs", 10);
        var ml = new MLContext(seed: 1);
        var distinct = Generate(10_000, seed: 1);
        var train = ml.Data.LoadFromEnumerable(Generate(20_000, seed: 2));
        var big = ml.Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(i => distinct[i % distinct.Length]));
        Console.WriteLine($"ML.NET inference, {InferenceRow.FeatureCount} features, {Classes} classes; Transform over {rows:N0} rows, Predict one row at a time");
        Console.WriteLine($"  reading the source alone: {rows / TimeRead(big, nameof(InferenceRow.Features)):N0} rows/s");

        var candidates = new (string Name, IEstimator<ITransformer> Trainer)[]
        {
            ("Mlp (plugin defaults, " + epochs + " epochs)", ml.MulticlassClassification.Trainers.Mlp(new MlpOptions { NumberOfEpochs = epochs })),
            ("SdcaMaximumEntropy", ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
            ("LightGbm", ml.MulticlassClassification.Trainers.LightGbm()),
        };
        foreach (var (name, trainer) in candidates)
        {
            var model = ml.Transforms.Conversion.MapValueToKey("Label", nameof(InferenceRow.Class)).Append(trainer).Fit(train);
            double transformSeconds = TimeRead(model.Transform(big), "Score");
            var (wall, cpu) = TimePredict(distinct, ml.Model.CreatePredictionEngine<InferenceRow, InferencePrediction>(model));
            Console.WriteLine($"  {name,-36} Transform {rows / transformSeconds,12:N0} rows/s   PredictionEngine.Predict {wall,7:F2} µs/row ({cpu:F2} µs CPU)");
            if (model.LastTransformer is MlpMulticlassTransformer mlp)
            {
                var (engineWall, engineCpu) = TimePredict(distinct, new EnginePredictor(mlp.Model.CreatePredictor()));
                Console.WriteLine($"  {"  the same network, engine Predictor",-36} {string.Empty,31}Predictor.Predict {engineWall,7:F2} µs/row ({engineCpu:F2} µs CPU)");
            }
        }
    }

    private static InferenceRow[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new InferenceRow[count];
        for (int i = 0; i < count; i++)
        {
            uint label = (uint)(i % Classes);
            var features = new float[InferenceRow.FeatureCount];
            for (int j = 0; j < features.Length; j++)
            {
                features[j] = (float)(random.NextDouble() + (j % Classes == label ? 0.6 : 0.0));
            }

            rows[i] = new InferenceRow { Class = label, Features = features };
        }

        return rows;
    }

    private static double TimeRead(IDataView data, string column)
    {
        var clock = Stopwatch.StartNew();
        using var cursor = data.GetRowCursor([data.Schema[column]]);
        var getter = cursor.GetGetter<VBuffer<float>>(data.Schema[column]);
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Best of three passes over <paramref name="rows"/>, one call per row, after one warm-up pass: wall and CPU µs per row.</summary>
    private static (double Wall, double Cpu) TimePredict(InferenceRow[] rows, IDisposable engine)
    {
        using (engine)
        {
            var predict = engine switch
            {
                PredictionEngine<InferenceRow, InferencePrediction> mlNet => PredictWith(mlNet),
                EnginePredictor plain => plain.Predict,
                _ => throw new ArgumentException($"Unknown engine {engine.GetType().Name}.", nameof(engine)),
            };
            foreach (var row in rows)
            {
                predict(row);
            }

            using var process = Process.GetCurrentProcess();
            double bestWall = double.MaxValue, bestCpu = double.MaxValue;
            for (int round = 0; round < 3; round++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                foreach (var row in rows)
                {
                    predict(row);
                }

                bestWall = Math.Min(bestWall, clock.Elapsed.TotalSeconds / rows.Length);
                process.Refresh();
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds / rows.Length);
            }

            return (bestWall * 1e6, bestCpu * 1e6);
        }
    }

    private static Action<InferenceRow> PredictWith(PredictionEngine<InferenceRow, InferencePrediction> engine)
    {
        var prediction = new InferencePrediction();
        return row => engine.Predict(row, ref prediction);
    }

    /// <summary>The engine's own one-row predictor, for the plugin's overhead.</summary>
    private sealed class EnginePredictor(Predictor predictor) : IDisposable
    {
        private readonly float[] _output = new float[predictor.OutputSize];

        public void Predict(InferenceRow row) => predictor.Predict(row.Features, _output);

        public void Dispose() => predictor.Dispose();
    }
}
