using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer;

// What a user writes after `dotnet add package MLNetScratchTrainer`. Two commands, each run in its own process:
//   train <model.zip>   trains a small multiclass Mlp pipeline on generated rows, saves it, prints its scores
//   score <model.zip>   loads the saved pipeline with the plain Model.Load (no plugin code is named) and prints its scores
// Scores are printed one row per line, each Single as its bit pattern, so that the two outputs compare exactly.
var ml = new MLContext(seed: 1);
var data = ml.Data.LoadFromEnumerable(Rows());
ITransformer model;
switch (args)
{
    case ["train", var path]:
        var options = new MlpOptions { HiddenLayers = [8], NumberOfEpochs = 30, Seed = 1, NumberOfThreads = 1 };
        model = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Class))
            .Append(ml.MulticlassClassification.Trainers.Mlp(options))
            .Fit(data);
        ml.Model.Save(model, data.Schema, path);
        break;
    case ["score", var path]:
        model = ml.Model.Load(path, out _);
        break;
    default:
        Console.Error.WriteLine("usage: PackageConsumer train|score <model.zip>");
        return 2;
}

foreach (var prediction in ml.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false))
{
    Console.WriteLine(string.Join(',', prediction.Score.Select(score => BitConverter.SingleToInt32Bits(score).ToString("x8", CultureInfo.InvariantCulture))));
}

return 0;

// Three classes decided by the first feature; the second is noise.
static IEnumerable<Row> Rows()
{
    var random = new Random(5);
    for (int i = 0; i < 150; i++)
    {
        float x = (float)random.NextDouble();
        yield return new Row { Features = [x, (float)random.NextDouble()], Class = x < 1f / 3 ? 0 : x < 2f / 3 ? 1 : 2 };
    }
}

internal sealed class Row
{
    [VectorType(2)]
    public float[] Features { get; set; } = [];

    public float Class { get; set; }
}

internal sealed class Prediction
{
    public float[] Score { get; set; } = [];
}
