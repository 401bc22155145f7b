using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Examples.MnistComparison;

/// <summary>
/// The images of an engine <see cref="Dataset"/> as rows for <c>mlContext.Data.LoadFromEnumerable</c>. Each row is made
/// when a cursor reaches it and dropped after, so the data view adds no second copy of the pixels (188 MB for the
/// training images); every cursor walks the rows anew.
/// </summary>
internal static class MnistRows
{
    /// <summary>The rows of <paramref name="data"/>, in order.</summary>
    public static IEnumerable<MnistImage> Of(Dataset data)
    {
        for (int row = 0; row < data.Count; row++)
        {
            yield return new MnistImage { Digit = data.Labels[row], Features = data.FeatureRow(row).ToArray() };
        }
    }
}
