using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>A copy of every tensor of a network (weights and batch-norm statistics), taken and put back on demand.</summary>
internal sealed class WeightSnapshot(Network network)
{
    private readonly float[][] _values = [.. network.Tensors.Select(t => (float[])t.Value.Clone())];

    /// <summary>Copies the network's current tensors into the snapshot.</summary>
    public void Capture()
    {
        int i = 0;
        foreach (var tensor in network.Tensors)
        {
            tensor.Value.CopyTo(_values[i++], 0);
        }
    }

    /// <summary>Copies the snapshot back into the network.</summary>
    public void Restore()
    {
        int i = 0;
        foreach (var tensor in network.Tensors)
        {
            _values[i++].CopyTo(tensor.Value, 0);
        }
    }
}
