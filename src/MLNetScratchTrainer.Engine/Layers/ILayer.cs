using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// One step of the network: a forward pass that caches exactly what its backward pass needs,
/// and a backward pass that turns ∂L/∂output into ∂L/∂input (and fills its parameters' gradients).
/// </summary>
/// <remarks>
/// A layer owns its output and input-gradient buffers and returns them; they stay valid until the
/// next call of the same pass. Buffers grow to the largest batch seen and are then reused.
/// </remarks>
public interface ILayer
{
    /// <summary>Values per input row.</summary>
    int InputSize { get; }

    /// <summary>Values per output row.</summary>
    int OutputSize { get; }

    /// <summary>Trainable parameters (empty for activations).</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Non-trainable state that a saved model must keep, such as batch-norm running statistics.</summary>
    IReadOnlyList<Parameter> State { get; }

    /// <summary>Computes the output for a batch. <paramref name="training"/> switches dropout and batch statistics on.</summary>
    Matrix Forward(Matrix input, bool training);

    /// <summary>Given ∂L/∂output of the last forward pass, fills parameter gradients and returns ∂L/∂input.</summary>
    Matrix Backward(Matrix outputGradient);

    /// <summary>
    /// Like <see cref="Backward"/>, but only fills the parameter gradients: for the first layer of a network, whose
    /// ∂L/∂input would be the gradient of the data, which nothing uses. <see cref="Dense"/> saves its largest product
    /// this way; other layers run their whole backward pass.
    /// </summary>
    void BackwardToParameters(Matrix outputGradient) => Backward(outputGradient);
}
