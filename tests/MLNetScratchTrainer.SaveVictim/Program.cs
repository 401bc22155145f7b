using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Persistence;

// Saves two different models alternately over <folder>/model.zip until killed, printing "saved N" after each save.
//   dotnet MLNetScratchTrainer.SaveVictim.dll <engine|mlnet-atomic|mlnet> <folder>
// engine: MlpModel.Save; mlnet-atomic: mlContext.Model.SaveAtomically; mlnet: ML.NET's own mlContext.Model.Save.
// Before the loop it writes the two models, the same way, to <folder>/a.zip and <folder>/b.zip, for the test to compare
// against. Models are large enough (about 1 MB) that a kill at a random moment usually lands inside a save.
if (args is not [var mode, var folder])
{
    Console.Error.WriteLine("usage: MLNetScratchTrainer.SaveVictim <engine|mlnet-atomic|mlnet> <folder>");
    return 2;
}

Action<string>[] saves = mode switch
{
    "engine" => [.. new[] { 1, 2 }.Select(seed => (Action<string>)RandomEngineModel(seed).Save)],
    "mlnet-atomic" or "mlnet" => [.. new[] { 1, 2 }.Select(seed => MlNetSave(seed, atomic: mode == "mlnet-atomic"))],
    _ => [],
};
if (saves.Length == 0)
{
    Console.Error.WriteLine($"unknown mode '{mode}'");
    return 2;
}

saves[0](Path.Combine(folder, "a.zip"));
saves[1](Path.Combine(folder, "b.zip"));
string target = Path.Combine(folder, "model.zip");
for (int i = 0; ; i++)
{
    saves[i % 2](target);
    Console.WriteLine($"saved {i + 1}");
}

static MlpModel RandomEngineModel(int seed)
{
    var architecture = new MlpArchitecture(784, [320], 10, MlpTask.MulticlassClassification);
    var network = architecture.Build(new Gemm(), new Rng(seed));
    var random = new Random(seed);
    foreach (var tensor in network.Tensors)
    {
        for (int i = 0; i < tensor.Value.Length; i++)
        {
            tensor.Value[i] = (float)(random.NextDouble() - 0.5);
        }
    }

    return MlpModel.FromNetwork(architecture, network, TrainingHistory.Empty);
}

static Action<string> MlNetSave(int seed, bool atomic)
{
    var ml = new MLContext(seed: seed);
    var rows = Enumerable.Range(0, 40).Select(i => new Row { Features = [.. Enumerable.Range(0, 784).Select(j => (float)((i * 31 + j * seed) % 17) / 17f)], Label = (uint)(i % 10) }).ToArray();
    var data = ml.Data.LoadFromEnumerable(rows);
    var model = ml.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [320], NumberOfEpochs = 1, Seed = seed, NumberOfThreads = 1 }).Fit(data);
    return atomic ? path => ml.Model.SaveAtomically(model, data.Schema, path) : path => ml.Model.Save(model, data.Schema, path);
}

/// <summary>A row of 784 features and a key label of ten classes.</summary>
internal sealed class Row
{
    /// <summary>The features.</summary>
    [VectorType(784)]
    public float[] Features { get; set; } = [];

    /// <summary>The class, 0–9.</summary>
    [KeyType(10)]
    public uint Label { get; set; }
}
