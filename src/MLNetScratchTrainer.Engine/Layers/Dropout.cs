using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Layers;

/// <summary>
/// Inverted dropout: in training each value is kept with probability 1 − rate and scaled by
/// 1 / (1 − rate), so inference needs no rescaling and is the identity.
/// </summary>
public sealed class Dropout : ILayer
{
    private readonly VectorRng _rng;
    private Matrix? _mask;
    private Matrix? _output;
    private Matrix? _inputGradient;
    private bool _maskActive;

    /// <summary>Creates a dropout layer.</summary>
    /// <param name="size">Values per row.</param>
    /// <param name="rate">Probability of dropping a value, in [0, 1).</param>
    /// <param name="rng">Seeds the random source of the masks (eight generators drawn from it once, here), for reproducible training.</param>
    public Dropout(int size, float rate, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (!(rate >= 0f && rate < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The dropout rate must be in [0, 1).");
        }

        InputSize = size;
        Rate = rate;
        _rng = VectorRng.From(rng);
    }

    /// <summary>Probability of dropping a value during training.</summary>
    public float Rate { get; }

    /// <inheritdoc />
    public int InputSize { get; }

    /// <inheritdoc />
    public int OutputSize => InputSize;

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc />
    public IReadOnlyList<Parameter> State => [];

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix Forward(Matrix input, bool training)
    {
        _maskActive = training && Rate > 0f;
        if (!_maskActive)
        {
            return input;
        }

        var mask = Matrix.Ensure(ref _mask, input.Rows, InputSize);
        var output = Matrix.Ensure(ref _output, input.Rows, InputSize);
        DrawMask(mask.Span);
        VectorMath.Multiply(input.Span, mask.Span, output.Span);
        return output;
    }

    /// <summary>mask[i] = 1 / (1 − rate) with probability 1 − rate (kept), else 0 (dropped).</summary>
    private void DrawMask(Span<float> mask)
    {
        float keep = 1f - Rate;
        _rng.FillBernoulli(mask, keep, 1f / keep);
    }

    // dy/dx = mask (0 for dropped values, 1 / (1 − rate) for kept ones)
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix Backward(Matrix outputGradient)
    {
        if (!_maskActive)
        {
            return outputGradient;
        }

        var inputGradient = Matrix.Ensure(ref _inputGradient, outputGradient.Rows, InputSize);
        VectorMath.Multiply(outputGradient.Span, _mask!.Span, inputGradient.Span);
        return inputGradient;
    }
}
