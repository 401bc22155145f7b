using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// A trainable tensor and its gradient. Layers own their parameters; optimizers update them.
/// </summary>
public sealed class Parameter
{
    private float[]? _value;
    private float[]? _gradient;

    /// <summary>Creates a parameter of the given shape, zero-filled.</summary>
    /// <param name="name">Name used in saved models and messages, for example "dense0.weight".</param>
    /// <param name="rows">First dimension (fan-in for weights, 1 for vectors).</param>
    /// <param name="columns">Second dimension.</param>
    /// <param name="isWeight">True for weights (subject to weight decay), false for biases and normalisation shifts/scales.</param>
    public Parameter(string name, int rows, int columns, bool isWeight)
    {
        Name = name;
        Rows = rows;
        Columns = columns;
        IsWeight = isWeight;
        Length = checked(rows * columns);
    }

    /// <summary>Creates the zero-filled tensor <paramref name="spec"/> describes; weight decay applies to <see cref="TensorRole.Weight"/> only.</summary>
    public Parameter(TensorSpec spec)
        : this(spec.Name, spec.Rows, spec.Columns, isWeight: spec.Role == TensorRole.Weight)
    {
    }

    /// <summary>Name used in saved models and messages.</summary>
    public string Name { get; }

    /// <summary>First dimension.</summary>
    public int Rows { get; }

    /// <summary>Second dimension.</summary>
    public int Columns { get; }

    /// <summary>True when weight decay applies (weights, not biases).</summary>
    public bool IsWeight { get; }

    /// <summary>Number of values: <see cref="Rows"/> × <see cref="Columns"/>.</summary>
    public int Length { get; }

    /// <summary>Current values, row-major; allocated (zero-filled) on first use, unless <see cref="UseValues"/> came first.</summary>
    public float[] Value => _value ??= new float[Length];

    /// <summary>
    /// Gradient of the loss with respect to <see cref="Value"/>, filled by the backward pass; allocated (zero-filled) on
    /// first use, so a network that only predicts never holds it.
    /// </summary>
    public float[] Gradient => _gradient ??= new float[Length];

    /// <summary>
    /// Makes <paramref name="values"/> this parameter's <see cref="Value"/>, without copying: for a network that only
    /// reads its weights, such as a predictor's, which then shares the trained model's arrays instead of holding copies.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not have <see cref="Length"/> values.</exception>
    internal void UseValues(float[] values)
    {
        if (values.Length != Length)
        {
            throw new ArgumentException($"Parameter '{Name}' has {Length} values; got an array of {values.Length}.", nameof(values));
        }

        _value = values;
    }

    /// <summary>
    /// Set by a layer fed sparse rows (see <see cref="SparseInput"/>): the only rows of <see cref="Gradient"/> that may
    /// be non-zero, in increasing order, the others being zero. Adam and AdamW then update just these rows (the lazy
    /// update of sparse embeddings); every other optimizer updates all rows as usual. Null (the default) means a dense gradient.
    /// </summary>
    public ReadOnlyMemory<int>? GradientRows { get; set; }

    /// <summary>
    /// Set only during a training step whose optimizer update is fused into the backward pass: the layer hands it each
    /// region of <see cref="Gradient"/> (rows × columns of this tensor) as soon as the region is final, and the update
    /// of those values is taken there, while they are in cache. Null (the default) means the step comes after backward.
    /// </summary>
    public IGemmEpilogue? GradientReady { get; set; }
}
