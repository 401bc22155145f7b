using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// Fast inference for one thread of control: a private network, which reads the model's weights where they lie (a
/// predictor holds no copy of them; the model never changes them), with buffers sized once, so each call allocates nothing. Create one per thread with <see cref="MlpModel.CreatePredictor"/>; a predictor created
/// with several threads splits large batches over them (results are the same for any thread count) and should be disposed.
/// Buffers grow with the rows asked for: a predictor used one row at a time holds one row of inputs, and
/// <see cref="PredictSparse"/> holds only the row's non-zeros, however many features the model has.
/// </summary>
public sealed class Predictor : IDisposable
{
    private const int ChunkRows = 256;

    private readonly Network _network;
    private readonly TargetScaling? _targetScaling;
    private readonly InputPreprocessor? _preprocessor;
    private readonly Matrix _input;
    private readonly Matrix _output;
    private readonly WorkerPool? _pool;
    private readonly SparseMatrix _sparseRow;
    private SparseInputNetwork? _sparseNetwork;
    private float[]? _denseRow;

    internal Predictor(MlpModel model, int numberOfThreads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numberOfThreads);
        _pool = numberOfThreads > 1 ? new WorkerPool(numberOfThreads) : null;
        _network = model.Architecture.Build(new Gemm(_pool), new Rng(0));
        model.ShareTensorsWith(_network);
        _targetScaling = model.TargetScaling;
        _preprocessor = model.Preprocessor;
        InputSize = model.InputSize;
        _input = new Matrix(0, _network.InputSize);
        _output = new Matrix(0, OutputSize);
        _sparseRow = new SparseMatrix(InputSize, rowCapacity: 1);
    }

    /// <summary>Raw features per row (NaN marks a missing value when the model has input preprocessing).</summary>
    public int InputSize { get; }

    /// <summary>Outputs per row: class probabilities (multiclass), P(class 1) (binary) or predicted values (regression).</summary>
    public int OutputSize => _network.OutputSize;

    /// <summary>Predicts one row.</summary>
    /// <exception cref="ArgumentException">The row or the output span has the wrong length, or a feature is infinite.</exception>
    public void Predict(ReadOnlySpan<float> features, Span<float> output)
    {
        RequireLength(features.Length, InputSize, "features", "the row must have one value per input feature");
        RequireLength(output.Length, OutputSize, "output", "one slot per network output");
        PredictChunk(features, output, 1);
    }

    /// <summary>
    /// Predicts one row's raw network outputs, the logits: before the softmax or sigmoid of a classifier, and in the
    /// standardised target scale for regression. A binary classifier's logit is its log-odds ln(p / (1 − p)),
    /// free of the rounding that pushes p to exactly 0 or 1 for large margins.
    /// </summary>
    /// <exception cref="ArgumentException">The row or the output span has the wrong length, or a feature is infinite.</exception>
    public void PredictLogits(ReadOnlySpan<float> features, Span<float> logits)
    {
        RequireLength(features.Length, InputSize, "features", "the row must have one value per input feature");
        RequireLength(logits.Length, OutputSize, "logits", "one slot per network output");
        LoadInputs(features, 1);
        _network.Forward(_input, training: false).Span.CopyTo(logits);
    }

    /// <summary>
    /// Predicts one row given by its stored values and their feature indices (strictly increasing), every other
    /// feature being 0, as ML.NET's sparse <c>VBuffer</c> holds it. A model without input preprocessing and without a
    /// linear skip (one trained on sparse rows) runs its first layer on the non-zeros alone, in time proportional to them;
    /// any other model fills a dense row (and scales it) as <see cref="Predict"/> does. Either way the result is <see cref="Predict"/>'s for
    /// the dense row, up to the rounding of a different summation order.
    /// </summary>
    /// <param name="indices">The features that hold a value, strictly increasing, each below <see cref="InputSize"/>.</param>
    /// <param name="values">Their values.</param>
    /// <param name="output">Receives <see cref="OutputSize"/> values.</param>
    /// <param name="logits">Write the raw network outputs, as <see cref="PredictLogits"/> does, instead of predictions.</param>
    /// <exception cref="ArgumentException">The spans disagree in length, an index is out of range or order, the output span has the wrong length, or (with input preprocessing) a value is infinite.</exception>
    public void PredictSparse(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> output, bool logits = false)
    {
        RequireLength(output.Length, OutputSize, "output", "one slot per network output");
        _sparseRow.Clear();
        _sparseRow.AppendRow(indices, values);
        if (_preprocessor is not null || _network.Skip is not null)
        {
            var dense = _denseRow ??= new float[InputSize];
            dense.AsSpan().Clear();
            for (int i = 0; i < indices.Length; i++)
            {
                dense[indices[i]] = values[i];
            }

            if (logits)
            {
                PredictLogits(dense, output);
            }
            else
            {
                PredictChunk(dense, output, 1);
            }

            return;
        }

        _sparseNetwork ??= new SparseInputNetwork(_network, new SparseGemm());
        if (logits)
        {
            _sparseNetwork.Forward(_sparseRow, training: false).Span.CopyTo(output);
            return;
        }

        _output.SetRows(1);
        _sparseNetwork.Predict(_sparseRow, _output);
        _output.Span.CopyTo(output);
        _targetScaling?.Invert(output);
    }

    /// <summary>Predicts many rows: <paramref name="rows"/> holds them row-major, <paramref name="outputs"/> receives <see cref="OutputSize"/> values per row.</summary>
    /// <exception cref="ArgumentException">The spans are not whole rows or disagree in row count, or a feature is infinite.</exception>
    public void PredictBatch(ReadOnlySpan<float> rows, Span<float> outputs)
    {
        if (rows.Length % InputSize != 0)
        {
            throw new ArgumentException($"The input holds {rows.Length} values, which is not a whole number of rows of {InputSize} features.", nameof(rows));
        }

        int count = rows.Length / InputSize;
        RequireLength(outputs.Length, count * OutputSize, "outputs", $"{OutputSize} values for each of the {count} rows");
        for (int first = 0; first < count; first += ChunkRows)
        {
            int n = Math.Min(ChunkRows, count - first);
            PredictChunk(rows.Slice(first * InputSize, n * InputSize), outputs.Slice(first * OutputSize, n * OutputSize), n);
        }
    }

    /// <summary>Stops the predictor's worker threads, if it has any.</summary>
    public void Dispose() => _pool?.Dispose();

    private static void RequireLength(int actual, int expected, string name, string what)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected {expected} values for '{name}' ({what}) but got {actual}.", name);
        }
    }

    /// <summary>Puts <paramref name="count"/> raw rows, preprocessed, into the network's input matrix.</summary>
    private void LoadInputs(ReadOnlySpan<float> rows, int count)
    {
        _input.SetRows(count);
        if (_preprocessor is null)
        {
            rows.CopyTo(_input.Span);
            return;
        }

        for (int r = 0; r < count; r++)
        {
            _preprocessor.Transform(rows.Slice(r * InputSize, InputSize), _input.Row(r));
        }
    }

    private void PredictChunk(ReadOnlySpan<float> rows, Span<float> outputs, int count)
    {
        LoadInputs(rows, count);
        _output.SetRows(count);
        _network.Predict(_input, _output);
        _output.Span.CopyTo(outputs);
        _targetScaling?.Invert(outputs);
    }
}
