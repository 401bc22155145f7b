using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// A <see cref="Network"/> fed sparse rows: its first layer, a <see cref="Dense"/>, runs through <see cref="SparseInput"/>
/// (cost proportional to the non-zeros), the other layers and the head as usual. The weights are the network's own, so
/// the same network also runs dense rows, saves and predicts unchanged.
/// </summary>
public sealed class SparseInputNetwork
{
    private readonly SparseInput _input;

    /// <summary>Wraps <paramref name="network"/>, whose first layer must be <see cref="Dense"/> and which must have no skip.</summary>
    /// <exception cref="ArgumentException">The first layer is not dense, or the network has a skip (<see cref="Network.Skip"/>): sparse rows do not run one.</exception>
    public SparseInputNetwork(Network network, SparseGemm gemm)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Skip is not null)
        {
            throw new ArgumentException("Sparse input does not run a network with a linear skip; feed it dense rows.", nameof(network));
        }

        Network = network;
        _input = new SparseInput(
            network.Layers[0] as Dense ?? throw new ArgumentException($"Sparse input needs a dense first layer, not {network.Layers[0].GetType().Name}.", nameof(network)),
            gemm);
    }

    /// <summary>The wrapped network.</summary>
    public Network Network { get; }

    /// <summary>Runs the layers on a sparse batch and returns the logits (before the head's activation).</summary>
    public Matrix Forward(SparseMatrix input, bool training)
    {
        Matrix x = _input.Forward(input);
        for (int i = 1; i < Network.Layers.Count; i++)
        {
            x = Network.Layers[i].Forward(x, training);
        }

        return x;
    }

    /// <summary>Forward pass in training mode followed by the loss; returns the weighted mean loss.</summary>
    public double ForwardLoss(SparseMatrix input, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights)
        => Network.Head.Loss(Forward(input, training: true), labels, weights);

    /// <summary>Backpropagates the last <see cref="ForwardLoss"/>: every parameter's gradient, the first layer's row-sparse.</summary>
    public void Backward()
    {
        Matrix gradient = Network.Head.Backward();
        for (int i = Network.Layers.Count - 1; i >= 1; i--)
        {
            gradient = Network.Layers[i].Backward(gradient);
        }

        _input.Backward(gradient);
    }

    /// <summary>Inference: predictions (probabilities or values) for a sparse batch into <paramref name="predictions"/>.</summary>
    public void Predict(SparseMatrix input, Matrix predictions) => Network.Head.Predict(Forward(input, training: false), predictions);
}
