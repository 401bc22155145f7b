namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// One tensor of a layer, described before it exists: the name a saved model and an ONNX export give it, its shape
/// (row-major, fan-in × fan-out for weights, 1 × units for vectors) and its <see cref="TensorRole"/>.
/// </summary>
/// <param name="Name">For example "dense0.weight".</param>
/// <param name="Rows">First dimension.</param>
/// <param name="Columns">Second dimension.</param>
/// <param name="Role">Trained with or without weight decay, or saved state.</param>
public sealed record TensorSpec(string Name, int Rows, int Columns, TensorRole Role)
{
    /// <summary>Number of values, Rows × Columns (a long: a forged header may claim more than an int holds).</summary>
    public long Size => (long)Rows * Columns;

    /// <summary>True for the tensors an optimizer updates (<see cref="TensorRole.Weight"/> and <see cref="TensorRole.Bias"/>).</summary>
    public bool IsTrainable => Role != TensorRole.State;
}
