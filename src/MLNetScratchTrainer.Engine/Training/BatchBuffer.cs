using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// One mini-batch gathered from a data set by row indices: features (through the model's input preprocessing, when it
/// has one), labels and weights, in buffers allocated once for the largest batch. With a worker pool, the dense rows of
/// a large batch are gathered by all its threads, each its share of the rows: the rows of a shuffled batch lie anywhere
/// in memory, and two cores wait for them side by side.
/// </summary>
internal sealed class BatchBuffer : IParallelWork
{
    // Batches of fewer features than this (rows × features) are gathered on the calling thread: a hand-off costs more.
    private const int ParallelThreshold = 1 << 14;

    private readonly float[] _labels;
    private readonly float[] _weights;
    private readonly InputPreprocessor? _preprocessor;
    private readonly WorkerPool? _pool;
    /// <summary>The data set rows of the batch being gathered in parallel.</summary>
    private readonly int[] _sourceRows;
    private Dataset? _source;
    private int _rows;
    private bool _hasWeights;

    /// <summary>Creates the buffers.</summary>
    /// <param name="capacity">The most rows a batch holds.</param>
    /// <param name="inputSize">Network inputs per row (the preprocessor's output size when there is one).</param>
    /// <param name="labelWidth">Label values per row.</param>
    /// <param name="preprocessor">The model's input preprocessing, or null to copy the features as they are.</param>
    /// <param name="sparse">Gather CSR rows of a sparse data set into <see cref="SparseFeatures"/> (as they are) instead.</param>
    /// <param name="pool">Threads to gather large dense batches with, or null for the calling thread.</param>
    public BatchBuffer(int capacity, int inputSize, int labelWidth, InputPreprocessor? preprocessor, bool sparse = false, WorkerPool? pool = null)
    {
        Features = new Matrix(sparse ? 0 : capacity, inputSize);
        SparseFeatures = sparse ? new SparseMatrix(inputSize, capacity) : null;
        _labels = new float[capacity * labelWidth];
        _weights = new float[capacity];
        _preprocessor = preprocessor;
        _pool = pool;
        _sourceRows = pool is null ? [] : new int[capacity];
    }

    /// <summary>The most rows a batch holds.</summary>
    public int Capacity => _weights.Length;

    /// <summary>The network inputs of the batch's rows.</summary>
    public Matrix Features { get; }

    /// <summary>The CSR rows of the batch, when the data set is sparse; otherwise null.</summary>
    public SparseMatrix? SparseFeatures { get; }

    /// <summary>The labels of the batch's rows.</summary>
    public ReadOnlySpan<float> Labels => _labels.AsSpan(0, _rows * (_labels.Length / _weights.Length));

    /// <summary>Weights of the rows, or empty when the data set has none.</summary>
    public ReadOnlySpan<float> Weights => _hasWeights ? _weights.AsSpan(0, _rows) : default;

    /// <summary>Copies the rows <paramref name="rows"/> of <paramref name="data"/>; labels come from <paramref name="labels"/> (possibly scaled).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gather(Dataset data, float[] labels, ReadOnlySpan<int> rows)
    {
        Start(rows.Length);
        bool parallel = SparseFeatures is null && _pool is { ThreadCount: > 1 } && (long)rows.Length * data.FeatureCount >= ParallelThreshold;
        if (parallel)
        {
            rows.CopyTo(_sourceRows);
            _source = data;
            _pool!.Run(this);
            _source = null;
        }

        int width = data.LabelWidth;
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            if (SparseFeatures is not null)
            {
                SparseFeatures.AppendRowFrom(data.SparseFeatures!, row);
            }
            else if (!parallel)
            {
                PutFeatures(i, data.FeatureRow(row));
            }

            labels.AsSpan(row * width, width).CopyTo(_labels.AsSpan(i * width, width));
            if (data.Weights is not null)
            {
                _weights[i] = data.Weights[row];
            }
        }

        _hasWeights = data.Weights is not null;
    }

    /// <summary>Copies the slots <paramref name="slots"/> of <paramref name="rows"/> (dense rows, labels as they are there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gather(RowChunk rows, ReadOnlySpan<int> slots)
    {
        Start(slots.Length);
        int width = rows.LabelWidth;
        for (int i = 0; i < slots.Length; i++)
        {
            int slot = slots[i];
            PutFeatures(i, rows.FeatureRow(slot));
            rows.LabelRow(slot).CopyTo(_labels.AsSpan(i * width, width));
            _weights[i] = rows.Weight(slot);
        }

        _hasWeights = rows.HasWeights;
    }

    /// <summary>Gathers part <paramref name="part"/> of the rows of a parallel <see cref="Gather(Dataset, float[], ReadOnlySpan{int})"/>.</summary>
    void IParallelWork.Execute(int part, int partCount)
    {
        for (int i = _rows * part / partCount; i < _rows * (part + 1) / partCount; i++)
        {
            PutFeatures(i, _source!.FeatureRow(_sourceRows[i]));
        }
    }

    private void Start(int rows)
    {
        _rows = rows;
        if (SparseFeatures is not null)
        {
            SparseFeatures.Clear();
        }
        else
        {
            Features.SetRows(rows);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PutFeatures(int i, ReadOnlySpan<float> features)
    {
        if (_preprocessor is null)
        {
            features.CopyTo(Features.Row(i));
        }
        else
        {
            _preprocessor.Transform(features, Features.Row(i));
        }
    }
}
