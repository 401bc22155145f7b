using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Fuzzing.Targets;

/// <summary>
/// The engine's loader (<c>ModelFile.Load</c>) on a small regression model that uses every part of the format:
/// two hidden layers with batch normalisation (running statistics), target scaling of two outputs, and a training history.
/// </summary>
public sealed class EngineTarget : ILoaderTarget
{
    private const int Inputs = 3;
    private readonly float[] _rows;

    /// <summary>Trains the seed model (a few milliseconds) and saves it.</summary>
    public EngineTarget()
    {
        var rng = new Random(5);
        var features = new float[64 * Inputs];
        var labels = new float[64 * 2];
        for (int i = 0; i < 64; i++)
        {
            for (int j = 0; j < Inputs; j++)
            {
                features[(i * Inputs) + j] = (float)rng.NextDouble();
            }

            labels[2 * i] = 100f * features[i * Inputs];
            labels[(2 * i) + 1] = features[(i * Inputs) + 1] - features[(i * Inputs) + 2];
        }

        var options = new MlpTrainerOptions
        {
            Task = MlpTask.Regression, HiddenLayers = [5, 4], Activation = Activation.Tanh, BatchNormalization = true,
            NumberOfEpochs = 3, BatchSize = 16, ValidationFraction = 0.25f, NumberOfThreads = 1,
        };
        var model = new MlpTrainer(options).Fit(new Dataset(features, Inputs, labels, labelWidth: 2));
        using var file = new MemoryStream();
        model.Save(file);
        ValidFile = file.ToArray();
        _rows = features[..(16 * Inputs)];
    }

    /// <inheritdoc/>
    public string Name => "engine";

    /// <inheritdoc/>
    public byte[] ValidFile { get; }

    /// <inheritdoc/>
    public IReadOnlySet<Type> DocumentedExceptions { get; } = new HashSet<Type> { typeof(InvalidDataException) };

    /// <inheritdoc/>
    public Range? FindEmbeddedModel(string entryName, byte[] content) => null;

    /// <inheritdoc/>
    public float[] LoadAndScore(byte[] file)
    {
        var model = MlpModel.Load(new MemoryStream(file, writable: false));
        var scores = new float[_rows.Length / model.InputSize * model.OutputSize];
        model.PredictBatch(_rows, scores);
        return scores;
    }
}
