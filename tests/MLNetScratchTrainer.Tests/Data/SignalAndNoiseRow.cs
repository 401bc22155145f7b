using Microsoft.ML;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Tests.Data;

/// <summary>
/// Rows where the feature <c>Signal</c> (uniform in [-1, 1]) decides every target and <c>Noise</c> (uniform in [-1, 1],
/// drawn independently) decides nothing: <c>Value</c> = 2·Signal, <c>Positive</c> = Signal &gt; 0, and <c>Class</c> = 0, 1 or 2
/// for Signal below -1/3, up to 1/3, above.
/// </summary>
public sealed class SignalAndNoiseRow
{
    public float Signal { get; set; }

    public float Noise { get; set; }

    public float Value { get; set; }

    public bool Positive { get; set; }

    public float Class { get; set; }

    /// <summary><paramref name="count"/> rows from a fixed seed.</summary>
    public static IDataView Generate(MLContext ml, int count, int seed = 11)
    {
        var random = new Random(seed);
        var rows = new SignalAndNoiseRow[count];
        for (int i = 0; i < count; i++)
        {
            float signal = (float)(random.NextDouble() * 2 - 1);
            rows[i] = new SignalAndNoiseRow
            {
                Signal = signal,
                Noise = (float)(random.NextDouble() * 2 - 1),
                Value = 2 * signal,
                Positive = signal > 0,
                Class = signal < -1f / 3 ? 0 : signal <= 1f / 3 ? 1 : 2,
            };
        }

        return ml.Data.LoadFromEnumerable(rows);
    }

    /// <summary>The label column each task learns: <c>Label</c> (a key made from <c>Class</c>), <c>Positive</c> or <c>Value</c>.</summary>
    public static string LabelOf(MlpTask task) => task switch
    {
        MlpTask.MulticlassClassification => "Label",
        MlpTask.BinaryClassification => nameof(Positive),
        _ => nameof(Value),
    };

    /// <summary>Features (Signal, Noise) → Mlp for <paramref name="task"/>, with a small, fast network.</summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ml, MlpTask task, int epochs = 40)
    {
        var options = FastOptions.Create(epochs);
        options.LabelColumnName = LabelOf(task);
        var features = ml.Transforms.Concatenate("Features", nameof(Signal), nameof(Noise));
        return task switch
        {
            MlpTask.MulticlassClassification => ml.Transforms.Conversion.MapValueToKey("Label", nameof(Class)).Append(features).Append(ml.MulticlassClassification.Trainers.Mlp(options)),
            MlpTask.BinaryClassification => features.Append(ml.BinaryClassification.Trainers.Mlp(options)),
            _ => features.Append(ml.Regression.Trainers.Mlp(options)),
        };
    }
}
