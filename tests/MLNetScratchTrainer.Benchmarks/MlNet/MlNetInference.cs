using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Benchmarks.MlNet;

/// <summary>
/// Inference through ML.NET: <c>Transform</c> over 1,000,000 rows (rows/s, read through a cursor of the Score column)
/// and <c>PredictionEngine.Predict</c> one row at a time (µs/row), for the Mlp beside SdcaMaximumEntropy and LightGbm
/// trained on the same generated data (32 features, 5 classes). The 1,000,000 rows cycle through 10,000 generated
/// ones, so the source costs almost nothing; its bare read time is printed too.
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
            double predictMicroseconds = TimePredict(ml, model, distinct);
            Console.WriteLine($"  {name,-36} Transform {rows / transformSeconds,12:N0} rows/s   Predict {predictMicroseconds,7:F2} µs/row");
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

    private static double TimePredict(MLContext ml, ITransformer model, InferenceRow[] rows)
    {
        using var engine = ml.Model.CreatePredictionEngine<InferenceRow, InferencePrediction>(model);
        var prediction = new InferencePrediction();
        foreach (var row in rows)
        {
            engine.Predict(row, ref prediction);
        }

        double best = double.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var row in rows)
            {
                engine.Predict(row, ref prediction);
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds / rows.Length);
        }

        return best * 1e6;
    }
}
