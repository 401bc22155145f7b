using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Trainers;

/// <summary>
/// Collects sparse feature rows (such as <c>FeaturizeText</c>'s) as CSR, in memory proportional to their non-zeros:
/// a row is staged by <see cref="Stage"/>, checked, and kept only when <see cref="Commit"/> follows.
/// </summary>
internal sealed class SparseFeatureBuffer(int featureCount)
{
    /// <summary>Feature vectors with at least this many slots are read as sparse rows.</summary>
    public const int SlotThreshold = 10_000;

    private readonly List<int> _indices = [];
    private readonly List<float> _values = [];

    /// <summary>The committed rows.</summary>
    public SparseMatrix Rows { get; } = new(featureCount);

    /// <summary>Stages the non-zeros of <paramref name="row"/> (dense or sparse); returns the first non-finite value's slot, or −1.</summary>
    public int Stage(in VBuffer<float> row)
    {
        _indices.Clear();
        _values.Clear();
        var values = row.GetValues();
        var indices = row.IsDense ? default : row.GetIndices();
        int nonFinite = -1;
        for (int i = 0; i < values.Length; i++)
        {
            int slot = row.IsDense ? i : indices[i];
            if (!float.IsFinite(values[i]) && nonFinite < 0)
            {
                nonFinite = slot;
            }

            if (values[i] != 0f)
            {
                _indices.Add(slot);
                _values.Add(values[i]);
            }
        }

        return nonFinite;
    }

    /// <summary>The value of <paramref name="slot"/> in the staged row (0 when not stored).</summary>
    public float StagedValue(int slot)
    {
        int position = _indices.BinarySearch(slot);
        return position >= 0 ? _values[position] : 0f;
    }

    /// <summary>Keeps the staged row.</summary>
    public void Commit() => Rows.AppendRow(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_indices), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values));
}
