using MLNetScratchTrainer.Engine.Parallelism;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// Fast inference for one thread of control: a private copy of the network with buffers sized once, so each
/// call allocates nothing. Create one per thread with <see cref="MlpModel.CreatePredictor"/>; a predictor created
/// with several threads splits large batches over them (results are the same for any thread count) and should be disposed.
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

    internal Predictor(MlpModel model, int numberOfThreads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numberOfThreads);
        _pool = numberOfThreads > 1 ? new WorkerPool(numberOfThreads) : null;
        _network = model.Architecture.Build(new Gemm(_pool), new Rng(0));
        model.CopyTensorsTo(_network);
        _targetScaling = model.TargetScaling;
        _preprocessor = model.Preprocessor;
        InputSize = model.InputSize;
        _input = new Matrix(ChunkRows, _network.InputSize);
        _output = new Matrix(ChunkRows, OutputSize);
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
