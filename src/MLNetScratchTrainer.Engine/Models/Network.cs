using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// A stack of layers with a loss head, and optionally a skip branch beside the stack: the mutable object that training
/// works on. Forward runs the layers in order (and the skip on the same input, its output added to the logits); backward
/// runs them in reverse, from ∂L/∂logits to ∂L/∂input. Not thread-safe: its layers cache the last batch.
/// </summary>
public sealed class Network
{
    private Matrix? _logits;

    /// <summary>Creates a network; each layer's output size must equal the next one's input size.</summary>
    /// <param name="layers">The chain, input side first.</param>
    /// <param name="head">Output activation and loss.</param>
    /// <param name="skip">
    /// A branch from the network's input to the logits (a <see cref="LinearSkip"/>), or null: the logits are then
    /// layers(x) + skip(x), and since the sum passes ∂L/∂logits unchanged to both terms, each gets the head's gradient.
    /// </param>
    public Network(IReadOnlyList<ILayer> layers, ILossHead head, ILayer? skip = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(head);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        }

        for (int i = 1; i < layers.Count; i++)
        {
            if (layers[i - 1].OutputSize != layers[i].InputSize)
            {
                throw new ArgumentException($"Layer {i - 1} outputs {layers[i - 1].OutputSize} values but layer {i} expects {layers[i].InputSize}.", nameof(layers));
            }
        }

        if (layers[^1].OutputSize != head.Width)
        {
            throw new ArgumentException($"The last layer outputs {layers[^1].OutputSize} values but the head expects {head.Width}.", nameof(head));
        }

        if (skip is not null && (skip.InputSize != layers[0].InputSize || skip.OutputSize != head.Width))
        {
            throw new ArgumentException($"The skip maps {skip.InputSize} inputs to {skip.OutputSize} outputs but the network has {layers[0].InputSize} inputs and {head.Width} outputs.", nameof(skip));
        }

        Layers = layers;
        Head = head;
        Skip = skip;
        IEnumerable<ILayer> all = skip is null ? layers : layers.Append(skip);
        Parameters = [.. all.SelectMany(l => l.Parameters)];
        State = [.. all.SelectMany(l => l.State)];
    }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<ILayer> Layers { get; }

    /// <summary>Output activation and loss.</summary>
    public ILossHead Head { get; }

    /// <summary>The branch from the input to the logits, or null (see the constructor).</summary>
    public ILayer? Skip { get; }

    /// <summary>Every trainable parameter, in layer order, the skip's last.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Every non-trainable state tensor (batch-norm running statistics), in layer order.</summary>
    public IReadOnlyList<Parameter> State { get; }

    /// <summary>Every tensor a saved model holds: <see cref="Parameters"/> then <see cref="State"/>.</summary>
    public IEnumerable<Parameter> Tensors => Parameters.Concat(State);

    /// <summary>Features per row.</summary>
    public int InputSize => Layers[0].InputSize;

    /// <summary>Outputs per row.</summary>
    public int OutputSize => Head.Width;

    /// <summary>Runs the layers and returns the logits (before the head's activation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix Forward(Matrix input, bool training)
    {
        Matrix x = input;
        for (int i = 0; i < Layers.Count; i++)
        {
            x = Layers[i].Forward(x, training);
        }

        return Skip is null ? x : AddSkip(x, Skip.Forward(input, training));
    }

    /// <summary>
    /// The logits of a network with a skip: the chain's output plus the skip's, in a buffer of the network's own (a
    /// layer may read its output again in backward, as the sigmoid does, so it is not added in place).
    /// </summary>
    /// <param name="chain">The last layer's output.</param>
    /// <param name="skip">The skip's output, the same shape.</param>
    private Matrix AddSkip(Matrix chain, Matrix skip)
    {
        var logits = Matrix.Ensure(ref _logits, chain.Rows, chain.Columns);
        chain.Span.CopyTo(logits.Span);
        VectorMath.Add(logits.Span, skip.Span);
        return logits;
    }

    /// <summary>Forward pass in training mode followed by the loss; returns the weighted mean loss.</summary>
    public double ForwardLoss(Matrix input, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights, bool training = true)
        => Head.Loss(Forward(input, training), labels, weights);

    /// <summary>Backpropagates the last <see cref="ForwardLoss"/> and fills every parameter's gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward()
    {
        Matrix gradient = Head.Backward();

        // ∂(chain + skip)/∂skip = 1: the skip gets ∂L/∂logits as it is; its input is the data, so only ∂L/∂S is needed.
        Skip?.BackwardToParameters(gradient);
        for (int i = Layers.Count - 1; i > 0; i--)
        {
            gradient = Layers[i].Backward(gradient);
        }

        // The first layer's ∂L/∂input would be the gradient of the data, which nothing uses.
        Layers[0].BackwardToParameters(gradient);
    }

    /// <summary>Inference: predictions (probabilities or values) for a batch into <paramref name="predictions"/>.</summary>
    public void Predict(Matrix input, Matrix predictions) => Head.Predict(Forward(input, training: false), predictions);

    /// <summary>Copies every tensor value from <paramref name="source"/>, which must have the same shape.</summary>
    public void CopyTensorsFrom(Network source)
    {
        using var target = Tensors.GetEnumerator();
        foreach (var tensor in source.Tensors)
        {
            if (!target.MoveNext() || target.Current.Value.Length != tensor.Value.Length)
            {
                throw new ArgumentException("The two networks do not have the same shape.", nameof(source));
            }

            tensor.Value.CopyTo(target.Current.Value, 0);
        }
    }
}
