using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Preprocessing;

/// <summary>
/// What a model does to a row of raw features before its first layer, fitted on the training rows and saved with the model.
/// For each feature j: a missing value (NaN) becomes <see cref="Fill"/>[j], the training median; then
/// z = (x − <see cref="Center"/>[j]) · <see cref="Scale"/>[j]; then, when <see cref="ClipBound"/> is set, the smooth clip
/// z / √(1 + (z / b)²), which keeps z within ±b. After the <see cref="FeatureCount"/> transformed features come the
/// missing-value indicators: 1 if the raw value of feature <see cref="MissingIndicatorFeatures"/>[i] was NaN, else 0.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class InputPreprocessor
{
    private readonly float[] _fill;
    private readonly float[] _center;
    private readonly float[] _scale;
    private readonly int[] _indicators;

    /// <summary>Creates a preprocessor from its parts, checking every value.</summary>
    /// <param name="fill">The value that replaces a missing feature, per feature.</param>
    /// <param name="center">The value subtracted from each feature.</param>
    /// <param name="scale">The factor each centred feature is multiplied by (0 for a feature that carries no information).</param>
    /// <param name="clipBound">The bound of the smooth clipping, or null for none.</param>
    /// <param name="missingIndicatorFeatures">The features, in increasing order, that get a missing-value indicator input.</param>
    /// <exception cref="ArgumentException">The parts disagree in length or hold a value out of range; the message names it.</exception>
    public InputPreprocessor(IReadOnlyList<float> fill, IReadOnlyList<float> center, IReadOnlyList<float> scale, float? clipBound, IReadOnlyList<int> missingIndicatorFeatures)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(center);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(missingIndicatorFeatures);
        if (fill.Count == 0 || center.Count != fill.Count || scale.Count != fill.Count)
        {
            throw new ArgumentException($"An input preprocessor needs one fill value, centre and scale per feature, at least one feature; got {fill.Count}, {center.Count} and {scale.Count}.");
        }

        for (int j = 0; j < fill.Count; j++)
        {
            if (!float.IsFinite(fill[j]) || !float.IsFinite(center[j]) || !(scale[j] >= 0f && float.IsFinite(scale[j])))
            {
                throw new ArgumentException($"Feature {j} of the input preprocessor has fill {fill[j]}, centre {center[j]} and scale {scale[j]}; expected finite values and a scale of at least 0.");
            }
        }

        if (clipBound is float bound && !(bound > 0f && float.IsFinite(bound)))
        {
            throw new ArgumentException($"The clip bound of the input preprocessor is {bound}; expected a positive finite number or none.");
        }

        for (int i = 0; i < missingIndicatorFeatures.Count; i++)
        {
            int feature = missingIndicatorFeatures[i];
            if (feature < 0 || feature >= fill.Count || (i > 0 && feature <= missingIndicatorFeatures[i - 1]))
            {
                throw new ArgumentException($"Missing-value indicator {i} names feature {feature}; expected distinct features in increasing order from 0 to {fill.Count - 1}.");
            }
        }

        _fill = Padded(fill);
        _center = Padded(center);
        _scale = Padded(scale);
        FeatureCount = fill.Count;
        _indicators = [.. missingIndicatorFeatures];
        ClipBound = clipBound;
    }

    /// <summary>The training median of each feature, which replaces a missing value.</summary>
    public IReadOnlyList<float> Fill => Array.AsReadOnly(_fill[..FeatureCount]);

    /// <summary>The value subtracted from each feature (the training median with <see cref="InputScaling.Robust"/>).</summary>
    public IReadOnlyList<float> Center => Array.AsReadOnly(_center[..FeatureCount]);

    /// <summary>The factor each centred feature is multiplied by.</summary>
    public IReadOnlyList<float> Scale => Array.AsReadOnly(_scale[..FeatureCount]);

    /// <summary>The bound b of the smooth clipping z / √(1 + (z / b)²), or null for none.</summary>
    public float? ClipBound { get; }

    /// <summary>The features, in increasing order, that had missing values in the training rows and so get an indicator input.</summary>
    public IReadOnlyList<int> MissingIndicatorFeatures => Array.AsReadOnly(_indicators);

    /// <summary>Raw features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>Network inputs per row: the transformed features followed by the indicators.</summary>
    public int OutputSize => FeatureCount + _indicators.Length;

    /// <summary>Transforms one raw row into the network's input row.</summary>
    /// <exception cref="ArgumentException">A feature is infinite (missing values are NaN), or a span has the wrong length.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transform(ReadOnlySpan<float> features, Span<float> output)
    {
        if (features.Length != FeatureCount || output.Length != OutputSize)
        {
            throw new ArgumentException($"The input preprocessor maps {FeatureCount} features to {OutputSize} inputs; got {features.Length} features and room for {output.Length} inputs.");
        }

        // Whole vectors of features, the last few through a padded vector. An infinity is looked for once per row.
        float inverseBound = ClipBound is float bound ? 1f / bound : 0f;
        bool infinite = SimdWidths.WidestAccelerated switch
        {
            512 => TransformVectors<Simd512, Vector512<float>>(features, output, inverseBound),
            256 => TransformVectors<Simd256, Vector256<float>>(features, output, inverseBound),
            _ => TransformVectors<Simd128, Vector128<float>>(features, output, inverseBound),
        };

        if (infinite)
        {
            ThrowInfinite(features);
        }

        for (int i = 0; i < _indicators.Length; i++)
        {
            output[FeatureCount + i] = float.IsNaN(features[_indicators[i]]) ? 1f : 0f;
        }
    }

    /// <summary>
    /// Transforms the row vector by vector; the last, partial vector through a copy padded with zeros (finite, and the
    /// constants past the last feature are zeros too), of which only the row's values are kept. Returns whether a feature
    /// is infinite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TransformVectors<TSimd, TVector>(ReadOnlySpan<float> features, Span<float> output, float inverseBound)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        ref float x = ref MemoryMarshal.GetReference(features);
        ref float z = ref MemoryMarshal.GetReference(output);
        TVector clip = TSimd.Broadcast(inverseBound), one = TSimd.Broadcast(1f);
        bool infinite = false;
        int j = 0;
        for (; j <= features.Length - TSimd.Count; j += TSimd.Count)
        {
            TVector block = TSimd.Load(ref Unsafe.Add(ref x, j));
            infinite |= TSimd.AnyInfinite(block);
            TSimd.Store(TransformBlock<TSimd, TVector>(block, j, clip, one), ref Unsafe.Add(ref z, j));
        }

        if (j < features.Length)
        {
            Span<float> padded = stackalloc float[TSimd.Count];
            padded.Clear();
            features[j..].CopyTo(padded);
            TVector block = TSimd.Load(ref padded[0]);
            infinite |= TSimd.AnyInfinite(block);
            TSimd.Store(TransformBlock<TSimd, TVector>(block, j, clip, one), ref padded[0]);
            padded[..(features.Length - j)].CopyTo(output[j..]);
        }

        return infinite;
    }

    /// <summary>Transforms the vector of features starting at feature <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector TransformBlock<TSimd, TVector>(TVector x, int start, TVector inverseBound, TVector one)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        // z = (x or its fill when missing − centre) · scale, then the smooth clip z / √(1 + (z / b)²)
        x = TSimd.ReplaceNaN(x, TSimd.Load(ref _fill[start]));
        TVector z = TSimd.Multiply(TSimd.Subtract(x, TSimd.Load(ref _center[start])), TSimd.Load(ref _scale[start]));
        if (ClipBound is null)
        {
            return z;
        }

        TVector ratio = TSimd.Multiply(z, inverseBound);
        return TSimd.Divide(z, TSimd.SquareRoot(TSimd.Add(one, TSimd.Multiply(ratio, ratio))));
    }

    /// <summary>
    /// A copy of <paramref name="values"/> padded with zeros to whole vectors of the widest width, so that the last,
    /// partial vector of a row reads its constants in range.
    /// </summary>
    private static float[] Padded(IReadOnlyList<float> values)
    {
        int widest = Vector512<float>.Count;
        var padded = new float[(values.Count + widest - 1) / widest * widest];
        for (int j = 0; j < values.Count; j++)
        {
            padded[j] = values[j];
        }

        return padded;
    }

    private static void ThrowInfinite(ReadOnlySpan<float> features)
    {
        int j = features.IndexOfAny(float.PositiveInfinity, float.NegativeInfinity);
        throw new ArgumentException($"Feature {j} is {features[j]}; features must be finite numbers, or NaN for a missing value.");
    }
}
