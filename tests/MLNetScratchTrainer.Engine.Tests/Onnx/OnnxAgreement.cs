namespace MLNetScratchTrainer.Engine.Tests.Onnx;

/// <summary>Element-wise comparison of two score arrays, with the largest difference in the message.</summary>
internal static class OnnxAgreement
{
    /// <summary>The tolerance the export promises for probabilities, scores and values.</summary>
    public const float Tolerance = 1e-5f;

    /// <summary>Asserts equal lengths and max |expected − actual| ≤ <see cref="Tolerance"/>; returns that maximum.</summary>
    public static float AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.AreEqual(expected.Length, actual.Length, $"{what}: lengths differ");
        float max = 0f;
        int worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            float difference = MathF.Abs(expected[i] - actual[i]);
            if (!(difference <= max))
            {
                (max, worst) = (difference, i);
            }
        }

        Assert.IsLessThanOrEqualTo(Tolerance, max, $"{what}: max |difference| {max} at index {worst} (expected {expected[worst]}, ONNX {actual[worst]})");
        return max;
    }
}
