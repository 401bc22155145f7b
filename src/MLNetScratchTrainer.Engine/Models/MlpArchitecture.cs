using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// The shape of a multilayer perceptron: sizes, activation, head and the optional dropout and batch
/// normalisation after each hidden layer, and the optional linear skip path from the input to the output.
/// Everything needed to rebuild the layers of a saved model.
/// </summary>
public sealed record MlpArchitecture
{
    /// <summary>Creates and validates an architecture.</summary>
    /// <param name="inputSize">Features per row.</param>
    /// <param name="hiddenLayers">Units of each hidden layer, input side first (may be empty: a linear or logistic model).</param>
    /// <param name="outputSize">Classes (multiclass), 1 (binary) or targets per row (regression).</param>
    /// <param name="task">The head and loss.</param>
    /// <param name="activation">Activation of every hidden layer.</param>
    /// <param name="dropoutRate">Dropout after each hidden activation, in [0, 1).</param>
    /// <param name="batchNormalization">Batch normalisation between each hidden dense layer and its activation.</param>
    /// <param name="linearSkip">A linear map of the input added to the logits (<see cref="Layers.LinearSkip"/>).</param>
    public MlpArchitecture(int inputSize, IReadOnlyList<int> hiddenLayers, int outputSize, MlpTask task, Activation activation = Activation.Relu, float dropoutRate = 0f, bool batchNormalization = false, bool linearSkip = false)
    {
        ArgumentNullException.ThrowIfNull(hiddenLayers);
        if (inputSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "The input size must be at least 1 feature.");
        }

        for (int i = 0; i < hiddenLayers.Count; i++)
        {
            if (hiddenLayers[i] <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(hiddenLayers), hiddenLayers[i], $"Hidden layer {i} has {hiddenLayers[i]} units; every hidden layer needs at least 1.");
            }
        }

        int minimumOutputs = task == MlpTask.MulticlassClassification ? 2 : 1;
        if (outputSize < minimumOutputs || (task == MlpTask.BinaryClassification && outputSize != 1))
        {
            string expected = task switch
            {
                MlpTask.MulticlassClassification => "at least 2 classes",
                MlpTask.BinaryClassification => "exactly 1 output",
                _ => "at least 1 target",
            };
            throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, $"{task} needs {expected}.");
        }

        if (!(dropoutRate >= 0f && dropoutRate < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(dropoutRate), dropoutRate, "The dropout rate must be in [0, 1).");
        }

        if (!Enum.IsDefined(activation) || !Enum.IsDefined(task))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), $"Unknown activation {activation} or task {task}.");
        }

        InputSize = inputSize;
        HiddenLayers = [.. hiddenLayers];
        OutputSize = outputSize;
        Task = task;
        Activation = activation;
        DropoutRate = dropoutRate;
        BatchNormalization = batchNormalization;
        LinearSkip = linearSkip;
    }

    /// <summary>Features per row.</summary>
    public int InputSize { get; }

    /// <summary>Units of each hidden layer.</summary>
    public IReadOnlyList<int> HiddenLayers { get; }

    /// <summary>Network outputs per row.</summary>
    public int OutputSize { get; }

    /// <summary>The head and loss.</summary>
    public MlpTask Task { get; }

    /// <summary>Activation of the hidden layers.</summary>
    public Activation Activation { get; }

    /// <summary>Dropout rate after each hidden activation.</summary>
    public float DropoutRate { get; }

    /// <summary>Whether batch normalisation follows each hidden dense layer.</summary>
    public bool BatchNormalization { get; }

    /// <summary>Whether a linear map of the input, x·S, is added to the logits: the network computes MLP(x) + x·S.</summary>
    public bool LinearSkip { get; }

    /// <summary>
    /// The layers, input side first: for each hidden layer a dense layer, batch normalisation (when on), the activation
    /// and dropout (when its rate is above 0); then the output dense layer; then, when on, the linear skip, a branch
    /// (<see cref="LayerSpec.IsBranch"/>) from the input to the logits. The one description of the network that
    /// <see cref="Build"/>, <see cref="Tensors"/>, <see cref="ParameterCount"/>, the model file and the ONNX export follow.
    /// </summary>
    public IReadOnlyList<LayerSpec> Layers
    {
        get
        {
            var layers = new List<LayerSpec>();
            int fanIn = InputSize;
            for (int i = 0; i < HiddenLayers.Count; i++)
            {
                int units = HiddenLayers[i];
                layers.Add(new DenseSpec($"dense{i}", fanIn, units));
                if (BatchNormalization)
                {
                    layers.Add(new BatchNormSpec($"batchnorm{i}", units));
                }

                layers.Add(new ActivationSpec($"activation{i}", units, Activation));
                if (DropoutRate > 0f)
                {
                    layers.Add(new DropoutSpec($"dropout{i}", units, DropoutRate));
                }

                fanIn = units;
            }

            layers.Add(new DenseSpec($"dense{HiddenLayers.Count}", fanIn, OutputSize));
            if (LinearSkip)
            {
                layers.Add(new LinearSkipSpec("skip", InputSize, OutputSize));
            }

            return layers;
        }
    }

    /// <summary>
    /// Every tensor of the network in the order a saved model holds them (and <see cref="Network.Tensors"/> lists them):
    /// the trainable ones layer by layer, then the state (batch-norm running statistics) layer by layer.
    /// </summary>
    public IReadOnlyList<TensorSpec> Tensors
    {
        get
        {
            var tensors = Layers.SelectMany(layer => layer.Tensors).ToList();
            return [.. tensors.Where(t => t.IsTrainable), .. tensors.Where(t => !t.IsTrainable)];
        }
    }

    /// <summary>Number of trainable values: the sizes of the trainable <see cref="Tensors"/>, summed.</summary>
    public long ParameterCount => Tensors.Where(t => t.IsTrainable).Sum(t => t.Size);

    /// <summary>Builds the layers of <see cref="Layers"/> and the head, with zero weights (an initializer or a saved model fills them).</summary>
    /// <param name="gemm">Matrix multiplier shared by the dense layers.</param>
    /// <param name="dropoutRng">Random source for the dropout masks.</param>
    public Network Build(Gemm gemm, Rng dropoutRng)
    {
        var layers = Layers;
        return new(
            [.. layers.Where(layer => !layer.IsBranch).Select(layer => layer.Create(gemm, dropoutRng))],
            CreateHead(),
            layers.SingleOrDefault(layer => layer.IsBranch)?.Create(gemm, dropoutRng));
    }

    /// <summary>The output head and loss of <see cref="Task"/>.</summary>
    public ILossHead CreateHead() => Task switch
    {
        MlpTask.MulticlassClassification => new SoftmaxCrossEntropy(OutputSize),
        MlpTask.BinaryClassification => new SigmoidBinaryCrossEntropy(),
        _ => new IdentitySquaredError(OutputSize),
    };
}
