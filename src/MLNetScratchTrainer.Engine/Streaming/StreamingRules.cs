namespace MLNetScratchTrainer.Engine.Streaming;

/// <summary>
/// The sizes of streaming training and the choice between it and loading into memory, in one place:
/// <list type="bullet">
/// <item><see cref="DataLoading.Auto"/> streams when the rows' estimated size in memory, rows × slots × 4 bytes, exceeds
/// <see cref="MemoryFraction"/> of the memory available to the process (<c>GC.GetGCMemoryInfo().TotalAvailableMemoryBytes</c>:
/// physical memory, or the container's limit). An unknown row count, or a sparse feature column (whose memory is
/// proportional to its non-zeros, not its slots), loads into memory, as before streaming existed.</item>
/// <item>The shuffle buffer holds <see cref="ShuffleBufferBytes"/> of rows (at least 4 batches), the held-out validation
/// rows at most <see cref="ValidationBytes"/>, the preprocessing sample <c>PreprocessorFitter.MaximumQuantileRows</c> rows,
/// and a read chunk <see cref="ChunkRows"/> rows: with 100 features, under 200 MB in all whatever the row count.</item>
/// </list>
/// </summary>
public static class StreamingRules
{
    /// <summary>The share of available memory the rows may take in memory before <see cref="DataLoading.Auto"/> streams them.</summary>
    public const double MemoryFraction = 0.25;

    /// <summary>The default size of the shuffle buffer (features, labels and weight of each row).</summary>
    public const long ShuffleBufferBytes = 64L << 20;

    /// <summary>The most memory the held-out validation rows take; further candidates train instead.</summary>
    public const long ValidationBytes = 64L << 20;

    /// <summary>Rows read from the source at a time.</summary>
    public const int ChunkRows = 1024;

    /// <summary>The estimated size of dense rows in memory: rows × slots × 4 bytes (the features alone).</summary>
    public static long EstimatedBytes(long rows, int slots) => rows * slots * sizeof(float);

    /// <summary>Whether data of <paramref name="rows"/> rows (null when unknown) of <paramref name="slots"/> dense slots streams.</summary>
    /// <param name="mode">The option.</param>
    /// <param name="rows">The row count, or null when the data cannot tell it without reading.</param>
    /// <param name="slots">Features per row.</param>
    /// <param name="availableBytes">The memory available to the process.</param>
    public static bool ChoosesStreaming(DataLoading mode, long? rows, int slots, long availableBytes) => mode switch
    {
        DataLoading.Streaming => true,
        DataLoading.InMemory => false,
        _ => rows is long known && EstimatedBytes(known, slots) > availableBytes * MemoryFraction,
    };

    /// <summary>Rows in the default shuffle buffer: <see cref="ShuffleBufferBytes"/> worth, at least 4 batches.</summary>
    public static int ShuffleBufferRows(int featureCount, int labelWidth, int batchSize)
        => (int)Math.Max(4L * batchSize, ShuffleBufferBytes / RowBytes(featureCount, labelWidth));

    /// <summary>The most validation rows a streaming run holds out.</summary>
    public static int ValidationRowCap(int featureCount, int labelWidth) => (int)Math.Max(1, ValidationBytes / RowBytes(featureCount, labelWidth));

    private static long RowBytes(int featureCount, int labelWidth) => sizeof(float) * (featureCount + labelWidth + 1L);
}
