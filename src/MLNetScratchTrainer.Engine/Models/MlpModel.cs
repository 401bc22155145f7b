using System.Collections.Concurrent;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Serialization;

namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// A trained multilayer perceptron: immutable input preprocessing, architecture and weights, its training history,
/// and the means to predict, save and load. Safe to share between threads.
/// </summary>
public sealed class MlpModel
{
    private readonly float[][] _tensors;
    private readonly ConcurrentBag<Predictor> _predictors = [];

    /// <summary>Creates a model from its parts; <paramref name="tensors"/> must match the architecture's tensors in order and length.</summary>
    internal MlpModel(MlpArchitecture architecture, IReadOnlyList<string> tensorNames, float[][] tensors, TrainingHistory history, TargetScaling? targetScaling, InputPreprocessor? preprocessor = null)
    {
        if (preprocessor is not null && preprocessor.OutputSize != architecture.InputSize)
        {
            throw new ArgumentException($"The input preprocessor makes {preprocessor.OutputSize} inputs but the network takes {architecture.InputSize}.", nameof(preprocessor));
        }

        Preprocessor = preprocessor;
        Architecture = architecture;
        TensorNames = [.. tensorNames];
        _tensors = tensors;
        History = history;
        TargetScaling = targetScaling;
    }

    /// <summary>What is done to a row of raw features before the network (scaling, missing values), or null for nothing.</summary>
    public InputPreprocessor? Preprocessor { get; }

    /// <summary>Sizes, activation and head; its input size counts the network's inputs, after <see cref="Preprocessor"/>.</summary>
    public MlpArchitecture Architecture { get; }

    /// <summary>Per-epoch losses and metrics of the run that produced the model.</summary>
    public TrainingHistory History { get; }

    /// <summary>Standardisation of regression targets, or null.</summary>
    public TargetScaling? TargetScaling { get; }

    /// <summary>Names of the weight tensors, such as "dense0.weight", in layer order.</summary>
    public IReadOnlyList<string> TensorNames { get; }

    /// <summary>Raw features per row, before <see cref="Preprocessor"/>.</summary>
    public int InputSize => Preprocessor?.FeatureCount ?? Architecture.InputSize;

    /// <summary>Outputs per row.</summary>
    public int OutputSize => Architecture.OutputSize;

    /// <summary>Loads a model saved with <see cref="Save(string)"/>, validating every part of the file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid model; the message says what is wrong.</exception>
    public static MlpModel Load(string path) => ModelFile.Load(path);

    /// <summary>Loads a model from a stream holding a saved model .zip.</summary>
    /// <exception cref="InvalidDataException">The stream is not a valid model.</exception>
    public static MlpModel Load(Stream stream) => ModelFile.Load(stream, "stream");

    /// <summary>Captures a network's current tensors into a model.</summary>
    /// <exception cref="ArgumentException">The preprocessor's output size is not the network's input size.</exception>
    public static MlpModel FromNetwork(MlpArchitecture architecture, Network network, TrainingHistory history, TargetScaling? targetScaling = null, InputPreprocessor? preprocessor = null)
        => FromNetwork(architecture, network, history, targetScaling, preprocessor, copy: true);

    /// <summary>
    /// As <see cref="FromNetwork(MlpArchitecture, Network, TrainingHistory, TargetScaling?, InputPreprocessor?)"/>, but the
    /// model takes the network's arrays instead of copying them, for a network nothing uses afterwards (the trainer's):
    /// the model's weights then never exist twice (a 177,833-slot text model's first layer is 17 MB).
    /// </summary>
    internal static MlpModel TakeFromNetwork(MlpArchitecture architecture, Network network, TrainingHistory history, TargetScaling? targetScaling, InputPreprocessor? preprocessor)
        => FromNetwork(architecture, network, history, targetScaling, preprocessor, copy: false);

    private static MlpModel FromNetwork(MlpArchitecture architecture, Network network, TrainingHistory history, TargetScaling? targetScaling, InputPreprocessor? preprocessor, bool copy)
    {
        var tensors = network.Tensors.ToList();
        return new MlpModel(architecture, [.. tensors.Select(t => t.Name)], [.. tensors.Select(t => copy ? (float[])t.Value.Clone() : t.Value)], history, targetScaling, preprocessor);
    }

    /// <summary>The values of one tensor, row-major (weights are fan-in × fan-out).</summary>
    public ReadOnlySpan<float> GetTensor(string name)
    {
        int index = TensorNames.ToList().IndexOf(name);
        if (index < 0)
        {
            throw new ArgumentException($"The model has no tensor '{name}'; it has {string.Join(", ", TensorNames)}.", nameof(name));
        }

        return _tensors[index];
    }

    /// <summary>A reusable predictor for one thread of control (fastest for many calls).</summary>
    /// <param name="numberOfThreads">Threads a large batch is split over (1: the calling thread only); dispose the predictor when it has more than one.</param>
    public Predictor CreatePredictor(int numberOfThreads = 1) => new(this, numberOfThreads);

    /// <summary>Predicts one row: class probabilities, P(class 1), or regression values.</summary>
    public float[] Predict(ReadOnlySpan<float> features)
    {
        var output = new float[OutputSize];
        var predictor = Rent();
        try
        {
            predictor.Predict(features, output);
        }
        finally
        {
            _predictors.Add(predictor);
        }

        return output;
    }

    /// <summary>Predicts many rows (row-major) into <paramref name="outputs"/>, <see cref="OutputSize"/> values per row.</summary>
    public void PredictBatch(ReadOnlySpan<float> rows, Span<float> outputs)
    {
        var predictor = Rent();
        try
        {
            predictor.PredictBatch(rows, outputs);
        }
        finally
        {
            _predictors.Add(predictor);
        }
    }

    /// <summary>The most probable class of one row (binary: 1 when P(class 1) &gt; 0.5).</summary>
    public int PredictClass(ReadOnlySpan<float> features)
    {
        float[] output = Predict(features);
        return Architecture.Task == MlpTask.BinaryClassification
            ? (output[0] > 0.5f ? 1 : 0)
            : Array.IndexOf(output, output.Max());
    }

    /// <summary>Saves the model to a versioned .zip, atomically: an existing file is replaced only once the new one is complete.</summary>
    public void Save(string path) => ModelFile.Save(this, path);

    /// <summary>Writes the model .zip to a stream.</summary>
    public void Save(Stream stream) => ModelFile.Save(this, stream);

    /// <summary>
    /// Builds a fresh network holding a copy of this model's weights (for inspection, examples or fine-tuning). Its inputs
    /// are the preprocessed features: pass rows through <see cref="Preprocessor"/> first when the model has one.
    /// </summary>
    public Network CreateNetwork(Tensors.Gemm? gemm = null)
    {
        var network = Architecture.Build(gemm ?? new Tensors.Gemm(), new Randomness.Rng(0));
        CopyTensorsTo(network);
        return network;
    }

    /// <summary>Copies the weights into a network of the same architecture.</summary>
    internal void CopyTensorsTo(Network network)
    {
        int i = 0;
        foreach (var tensor in network.Tensors)
        {
            _tensors[i++].CopyTo(tensor.Value, 0);
        }
    }

    /// <summary>
    /// Gives a network of the same architecture this model's arrays as its tensors, without copying: for a network that
    /// only reads them (a predictor's), since the model never changes its tensors.
    /// </summary>
    internal void ShareTensorsWith(Network network)
    {
        int i = 0;
        foreach (var tensor in network.Tensors)
        {
            tensor.UseValues(_tensors[i++]);
        }
    }

    /// <summary>The raw tensors, for the serializer.</summary>
    internal IReadOnlyList<float[]> RawTensors => _tensors;

    private Predictor Rent() => _predictors.TryTake(out var predictor) ? predictor : CreatePredictor();
}
