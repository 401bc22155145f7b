namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// Work on a product's result that <see cref="Gemm.Multiply"/> runs region by region as soon as each region of C is
/// final, on the thread that computed it, while the region is still in that core's cache: adding a bias, or taking
/// the optimizer's step on a block of the weight gradient just formed.
/// </summary>
/// <remarks>
/// The regions of one product do not overlap and together cover C exactly once; regions computed by different threads
/// are handed over at the same time, so an implementation must only touch what lies in (or belongs to) its region.
/// </remarks>
public interface IGemmEpilogue
{
    /// <summary>
    /// Whether the work per element costs as much as several multiply-adds (an optimizer step, not a bias addition): a
    /// product that carries such an epilogue is split over the threads from far fewer multiply-adds, to share it.
    /// </summary>
    bool IsCostly { get; }

    /// <summary>Rows [<paramref name="rowFirst"/>, <paramref name="rowEnd"/>) × columns [<paramref name="columnFirst"/>, <paramref name="columnEnd"/>) of C are final.</summary>
    void RegionDone(int rowFirst, int rowEnd, int columnFirst, int columnEnd);
}
