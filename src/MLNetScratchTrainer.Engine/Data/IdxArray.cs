namespace MLNetScratchTrainer.Engine.Data;

/// <summary>
/// The content of an IDX file of unsigned bytes: its dimensions and its values, row-major
/// (the last dimension varies fastest). <see cref="IdxReader"/> creates it.
/// </summary>
public sealed class IdxArray
{
    internal IdxArray(int[] dimensions, byte[] data)
    {
        Dimensions = dimensions;
        Data = data;
        ItemSize = data.Length / dimensions[0];
    }

    /// <summary>The size of each dimension, outermost first (for MNIST images: count, rows, columns).</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>All values, row-major; its length is the product of <see cref="Dimensions"/>.</summary>
    public byte[] Data { get; }

    /// <summary>Number of items: the size of the first dimension.</summary>
    public int Count => Dimensions[0];

    /// <summary>Values per item: the product of every dimension but the first (1 for a one-dimensional file).</summary>
    public int ItemSize { get; }

    /// <summary>The values of one item.</summary>
    public ReadOnlySpan<byte> Item(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Data.AsSpan(index * ItemSize, ItemSize);
    }
}
