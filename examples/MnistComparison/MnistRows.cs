using System.Collections;

namespace MLNetScratchTrainer.Examples.MnistComparison;

/// <summary>
/// The images of an engine <see cref="Dataset"/> as rows for <c>mlContext.Data.LoadFromEnumerable</c>: a read-only
/// collection whose rows are made when a cursor reaches them and dropped after, so the data view adds no second copy of
/// the pixels (188 MB for the training images). Being a collection, it tells the data view its row count, so a trainer
/// (the Mlp, FastTree, ...) can size its own arrays up front.
/// </summary>
internal sealed class MnistRows(Dataset data) : ICollection<MnistImage>
{
    private const string ReadOnly = "The MNIST rows are read-only.";

    /// <inheritdoc />
    public int Count => data.Count;

    /// <inheritdoc />
    public bool IsReadOnly => true;

    /// <inheritdoc />
    public IEnumerator<MnistImage> GetEnumerator()
    {
        for (int row = 0; row < data.Count; row++)
        {
            yield return Row(row);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Contains(MnistImage item)
    {
        if (item is null)
        {
            return false;
        }

        for (int row = 0; row < data.Count; row++)
        {
            if (data.Labels[row] == item.Digit && data.FeatureRow(row).SequenceEqual(item.Features))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public void CopyTo(MnistImage[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(arrayIndex, array.Length - data.Count);
        for (int row = 0; row < data.Count; row++)
        {
            array[arrayIndex + row] = Row(row);
        }
    }

    /// <inheritdoc />
    public void Add(MnistImage item) => throw new NotSupportedException(ReadOnly);

    /// <inheritdoc />
    public bool Remove(MnistImage item) => throw new NotSupportedException(ReadOnly);

    /// <inheritdoc />
    public void Clear() => throw new NotSupportedException(ReadOnly);

    private MnistImage Row(int row) => new() { Digit = data.Labels[row], Features = data.FeatureRow(row).ToArray() };
}
