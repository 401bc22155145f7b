using MLNetScratchTrainer.Engine.Randomness;

namespace MLNetScratchTrainer.Engine.Streaming;

/// <summary>
/// Which rows of a streamed source are held out for validation, decided from the row index alone so that every pass
/// agrees without remembering a list: row r is a candidate when a seeded hash of r falls below the validation fraction,
/// and candidates are held out up to a cap (<see cref="StreamingRules.ValidationRowCap"/>); once the cap is reached,
/// later candidates train. The first pass fixes the last held row (<see cref="Hold"/>).
/// </summary>
internal sealed class RowHoldout
{
    private readonly ulong _key;
    private readonly ulong _threshold;

    /// <summary>Creates the rule for a run seeded with <paramref name="seed"/> holding out about <paramref name="fraction"/> of the rows.</summary>
    public RowHoldout(int seed, double fraction)
    {
        var rng = Rng.ForStream(seed, RandomStream.ValidationSplit);
        _key = ((ulong)rng.NextUInt() << 32) | rng.NextUInt();
        _threshold = (ulong)(fraction * 4294967296.0);
    }

    /// <summary>The last row held out, or −1 before the first.</summary>
    public long LastHeldRow { get; private set; } = -1;

    /// <summary>Whether row <paramref name="row"/>'s hash falls below the fraction.</summary>
    public bool IsCandidate(long row) => Hash(row) < _threshold;

    /// <summary>Whether row <paramref name="row"/> is held out (after the first pass has fixed <see cref="LastHeldRow"/>).</summary>
    public bool IsHeld(long row) => row <= LastHeldRow && IsCandidate(row);

    /// <summary>Records, in the first pass, that candidate row <paramref name="row"/> is held out.</summary>
    public void Hold(long row) => LastHeldRow = row;

    /// <summary>32 well-mixed bits of the row index and the key (the SplitMix64 finaliser).</summary>
    private uint Hash(long row)
    {
        ulong z = _key ^ unchecked((ulong)row * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (uint)((z ^ (z >> 31)) >> 32);
    }
}
