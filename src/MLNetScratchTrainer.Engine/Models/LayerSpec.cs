using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// One layer of an <see cref="MlpArchitecture"/>, described before it exists: its kind, name, sizes and tensors.
/// <see cref="MlpArchitecture.Layers"/> lists them; building the network, counting its parameters, the model file's
/// list of tensors and the ONNX export's names all follow from that one list. A new layer kind is a new record here
/// (its tensors and how to create it) and a line in <see cref="MlpArchitecture.Layers"/>.
/// </summary>
/// <param name="Name">Prefix of the layer's tensor names, for example "dense0".</param>
/// <param name="InputSize">Values per input row.</param>
/// <param name="OutputSize">Values per output row.</param>
public abstract record LayerSpec(string Name, int InputSize, int OutputSize)
{
    /// <summary>The layer's tensors: trainable ones first, then state (none for activations and dropout).</summary>
    public virtual IReadOnlyList<TensorSpec> Tensors => [];

    /// <summary>
    /// False for the layers of the chain, each reading the previous one's output; true for a branch beside it (the
    /// <see cref="LinearSkipSpec"/>), which reads the network's input and whose output is added to the logits.
    /// </summary>
    public virtual bool IsBranch => false;

    /// <summary>Creates the layer with its initial values (zero weights; an initializer or a saved model fills them).</summary>
    /// <param name="gemm">Matrix multiplier shared by the dense layers.</param>
    /// <param name="dropoutRng">Random source for the dropout masks.</param>
    public abstract ILayer Create(Gemm gemm, Rng dropoutRng);
}

/// <summary>A fully connected layer, Y = X·W + b (<see cref="Layers.Dense"/>).</summary>
/// <param name="Name">Prefix of the tensor names, for example "dense0".</param>
/// <param name="InputSize">Inputs per row.</param>
/// <param name="OutputSize">Units.</param>
public sealed record DenseSpec(string Name, int InputSize, int OutputSize) : LayerSpec(Name, InputSize, OutputSize)
{
    /// <inheritdoc />
    public override IReadOnlyList<TensorSpec> Tensors => Dense.Describe(Name, InputSize, OutputSize);

    /// <inheritdoc />
    public override ILayer Create(Gemm gemm, Rng dropoutRng) => new Dense(InputSize, OutputSize, gemm, Name);
}

/// <summary>Batch normalisation between a hidden dense layer and its activation (<see cref="Layers.BatchNorm"/>).</summary>
/// <param name="Name">Prefix of the tensor names, for example "batchnorm0".</param>
/// <param name="Size">Features per row.</param>
public sealed record BatchNormSpec(string Name, int Size) : LayerSpec(Name, Size, Size)
{
    /// <inheritdoc />
    public override IReadOnlyList<TensorSpec> Tensors => BatchNorm.Describe(Name, Size);

    /// <inheritdoc />
    public override ILayer Create(Gemm gemm, Rng dropoutRng) => new BatchNorm(Size, name: Name);
}

/// <summary>An element-wise activation; it has no tensors.</summary>
/// <param name="Name">The layer's name, for example "activation0".</param>
/// <param name="Size">Values per row.</param>
/// <param name="Activation">Which function.</param>
public sealed record ActivationSpec(string Name, int Size, Activation Activation) : LayerSpec(Name, Size, Size)
{
    /// <inheritdoc />
    public override ILayer Create(Gemm gemm, Rng dropoutRng) => Activation switch
    {
        Activation.Relu => new Relu(Size),
        Activation.LeakyRelu => new LeakyRelu(Size),
        Activation.Sigmoid => new Sigmoid(Size),
        Activation.Tanh => new Tanh(Size),
        _ => new Identity(Size),
    };
}

/// <summary>Inverted dropout after a hidden activation (<see cref="Layers.Dropout"/>); it has no tensors.</summary>
/// <param name="Name">The layer's name, for example "dropout0".</param>
/// <param name="Size">Values per row.</param>
/// <param name="Rate">Probability of dropping a value in training.</param>
public sealed record DropoutSpec(string Name, int Size, float Rate) : LayerSpec(Name, Size, Size)
{
    /// <inheritdoc />
    public override ILayer Create(Gemm gemm, Rng dropoutRng) => new Dropout(Size, Rate, dropoutRng);
}

/// <summary>
/// The linear skip path beside the chain (<see cref="Layers.LinearSkip"/>): x·S from the network's input, added to the
/// logits. Listed last in <see cref="MlpArchitecture.Layers"/>, so its tensor follows the output layer's.
/// </summary>
/// <param name="Name">Prefix of the tensor name, "skip".</param>
/// <param name="InputSize">The network's inputs per row.</param>
/// <param name="OutputSize">The network's outputs per row.</param>
public sealed record LinearSkipSpec(string Name, int InputSize, int OutputSize) : LayerSpec(Name, InputSize, OutputSize)
{
    /// <inheritdoc />
    public override IReadOnlyList<TensorSpec> Tensors => LinearSkip.Describe(Name, InputSize, OutputSize);

    /// <inheritdoc />
    public override bool IsBranch => true;

    /// <inheritdoc />
    public override ILayer Create(Gemm gemm, Rng dropoutRng) => new LinearSkip(InputSize, OutputSize, gemm, Name);
}
