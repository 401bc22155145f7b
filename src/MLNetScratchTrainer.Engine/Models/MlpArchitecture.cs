using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// The shape of a multilayer perceptron: sizes, activation, head and the optional dropout and batch
/// normalisation after each hidden layer. Everything needed to rebuild the layers of a saved model.
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
    public MlpArchitecture(int inputSize, IReadOnlyList<int> hiddenLayers, int outputSize, MlpTask task, Activation activation = Activation.Relu, float dropoutRate = 0f, bool batchNormalization = false)
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

    /// <summary>Number of trainable values.</summary>
    public long ParameterCount
    {
        get
        {
            long count = 0;
            int fanIn = InputSize;
            foreach (int units in HiddenLayers.Append(OutputSize))
            {
                count += ((long)fanIn * units) + units;
                fanIn = units;
            }

            return count + (BatchNormalization ? 2L * HiddenLayers.Sum() : 0);
        }
    }

    /// <summary>Builds the layers and head, with zero weights (an initializer or a saved model fills them).</summary>
    /// <param name="gemm">Matrix multiplier shared by the dense layers.</param>
    /// <param name="dropoutRng">Random source for the dropout masks.</param>
    public Network Build(Gemm gemm, Rng dropoutRng)
    {
        var layers = new List<ILayer>();
        int fanIn = InputSize;
        for (int i = 0; i < HiddenLayers.Count; i++)
        {
            int units = HiddenLayers[i];
            layers.Add(new Dense(fanIn, units, gemm, $"dense{i}"));
            if (BatchNormalization)
            {
                layers.Add(new BatchNorm(units, name: $"batchnorm{i}"));
            }

            layers.Add(CreateActivation(units));
            if (DropoutRate > 0f)
            {
                layers.Add(new Dropout(units, DropoutRate, dropoutRng));
            }

            fanIn = units;
        }

        layers.Add(new Dense(fanIn, OutputSize, gemm, $"dense{HiddenLayers.Count}"));
        return new Network(layers, CreateHead());
    }

    /// <summary>The output head and loss of <see cref="Task"/>.</summary>
    public ILossHead CreateHead() => Task switch
    {
        MlpTask.MulticlassClassification => new SoftmaxCrossEntropy(OutputSize),
        MlpTask.BinaryClassification => new SigmoidBinaryCrossEntropy(),
        _ => new IdentitySquaredError(OutputSize),
    };

    private ILayer CreateActivation(int units) => Activation switch
    {
        Activation.Relu => new Relu(units),
        Activation.LeakyRelu => new LeakyRelu(units),
        Activation.Sigmoid => new Sigmoid(units),
        Activation.Tanh => new Tanh(units),
        _ => new Identity(units),
    };
}
