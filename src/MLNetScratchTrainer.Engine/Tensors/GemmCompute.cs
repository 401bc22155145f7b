using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MLNetScratchTrainer.Engine.Tensors;

/// <summary>
/// Phase 2 of <see cref="Gemm"/>, compute: for each depth block and block of row panels, packs that part of A and runs
/// the micro-kernel over every MR × NR tile of C this thread owns. When all of op(A) fits in one block of row panels
/// (a small batch), each B panel is packed here, just before its tiles, into a per-thread buffer that stays in the
/// first-level cache, instead of all of B in phase 1: no packed copy of B is written out and read back, and a product
/// needs one hand-off to the pool instead of two. A whole panel of an untransposed B (a layer's weights in the forward
/// pass) is not packed at all: the micro-kernel reads its rows of NR values in place, n floats apart. With so few row
/// panels to reuse it, copying the panel cost more than the strided reads (at batch 32 the forward product of a
/// 784 × 256 layer took 95–122 µs packed, 82–89 µs in place, on one thread). Once the last depth block of a block of
/// rows is done, those rows of the thread's columns are final and go to the epilogue, if the product has one.
/// </summary>
public sealed partial class Gemm
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Compute<TSimd, TVector>(int part, int partCount)
        where TSimd : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        int mr = MicroKernel.Rows<TSimd, TVector>();
        int rowPanels = (_m + mr - 1) / mr;
        int columnPanels = _paddedN / _nr;
        // Packing B panel by panel, a thread packs the panels of its own columns: split columns when there are enough.
        bool splitRows = _packBPerPanel ? columnPanels < partCount : rowPanels >= columnPanels;
        var (rowFirst, rowEnd) = splitRows ? Split(rowPanels, part, partCount) : (0, rowPanels);
        var (columnFirst, columnEnd) = splitRows ? (0, columnPanels) : Split(columnPanels, part, partCount);
        float[] packedA = _packedA[part];
        float[] edge = _edgeTiles[part];
        float[] panelOfB = _packedBPanel[part];

        int depthBlock = DepthBlock(_k);
        for (int depth0 = 0; depth0 < _k; depth0 += depthBlock)
        {
            int depth = Math.Min(depthBlock, _k - depth0);
            bool accumulate = _accumulate || depth0 > 0;
            for (int block = rowFirst; block < rowEnd; block += _rowPanelsPerBlock)
            {
                int blockEnd = Math.Min(block + _rowPanelsPerBlock, rowEnd);
                PackAPanels(packedA, block, blockEnd, depth0, depth);
                for (int columnPanel = columnFirst; columnPanel < columnEnd; columnPanel++)
                {
                    // A whole panel of an untransposed B is read where it lies, n floats from one depth step to the next.
                    bool inPlace = _packBPerPanel && !_transposeB && (columnPanel + 1) * _nr <= _n;
                    if (_packBPerPanel && !inPlace)
                    {
                        PackBPanel(columnPanel, depth0, depth, panelOfB);
                    }

                    int ldb = inPlace ? _n : _nr;
                    ref float packedB = ref inPlace ? ref _b[(depth0 * _n) + (columnPanel * _nr)]
                        : ref _packBPerPanel ? ref panelOfB[0] : ref _packedB[(depth0 * _paddedN) + (columnPanel * depth * _nr)];
                    for (int panel = block; panel < blockEnd; panel++)
                    {
                        ref float panelA = ref packedA[(panel - block) * depth * mr];
                        int row0 = panel * mr, column0 = columnPanel * _nr;
                        int columns = Math.Min(_nr, _n - column0);
                        bool oneVector = columns <= TSimd.Count;

                        // A tile whose rows and vectors all lie in C goes there; an edge tile to a scratch tile first.
                        bool inC = row0 + mr <= _m && (columns == _nr || columns == TSimd.Count);
                        ref float tile = ref inC ? ref _c[(row0 * _n) + column0] : ref MemoryMarshal.GetArrayDataReference(edge);
                        int ldc = inC ? _n : _nr;
                        if (oneVector)
                        {
                            MicroKernel.Run<TSimd, TVector, OneVector>(depth, ref panelA, ref packedB, ldb, ref tile, ldc, accumulate && inC);
                        }
                        else
                        {
                            MicroKernel.Run<TSimd, TVector, TwoVectors>(depth, ref panelA, ref packedB, ldb, ref tile, ldc, accumulate && inC);
                        }

                        if (!inC)
                        {
                            WriteEdgeTile(edge, row0, column0, accumulate);
                        }
                    }
                }

                if (_epilogue is not null && depth0 + depth == _k && columnFirst < columnEnd)
                {
                    _epilogue.RegionDone(block * mr, Math.Min(blockEnd * mr, _m), columnFirst * _nr, Math.Min(columnEnd * _nr, _n));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void WriteEdgeTile(float[] tile, int row0, int column0, bool accumulate)
    {
        int rows = Math.Min(_mr, _m - row0);
        int columns = Math.Min(_nr, _n - column0);
        for (int r = 0; r < rows; r++)
        {
            Span<float> target = _c.AsSpan(((row0 + r) * _n) + column0, columns);
            ReadOnlySpan<float> source = tile.AsSpan(r * _nr, columns);
            if (accumulate)
            {
                VectorMath.Add(target, source);
            }
            else
            {
                source.CopyTo(target);
            }
        }
    }
}
