using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Engine.Streaming;

/// <summary>
/// Reads a pass on a background thread, up to <see cref="Depth"/> chunks ahead of the trainer, so that reading and
/// decoding rows (an ML.NET cursor over a compressed <c>.idv</c> costs about a third of a training step per row) overlaps the
/// matrix products instead of adding to them. The rows arrive in the order the source yields them, so training stays
/// deterministic; an exception of the source (such as a bad row's) is rethrown by <see cref="Read"/>, unchanged.
/// </summary>
internal sealed class PrefetchingReader : IRowReader
{
    /// <summary>Chunks read ahead.</summary>
    public const int Depth = 4;

    private readonly IRowReader _inner;
    private readonly BlockingCollection<RowChunk> _free = new(Depth);
    private readonly BlockingCollection<(RowChunk? Chunk, int Count)> _filled = new(Depth);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _error;
    private bool _ended;

    /// <summary>Starts reading <paramref name="inner"/> into chunks shaped like those of <paramref name="source"/>.</summary>
    public PrefetchingReader(IRowReader inner, IRowSource source)
    {
        _inner = inner;
        for (int i = 0; i < Depth; i++)
        {
            _free.Add(new RowChunk(StreamingRules.ChunkRows, source.FeatureCount, source.LabelWidth, source.HasWeights));
        }

        _thread = new Thread(ReadAhead) { IsBackground = true, Name = "Mlp row prefetch" };
        _thread.Start();
    }

    /// <inheritdoc />
    public int Read(RowChunk chunk)
    {
        if (_ended)
        {
            return 0;
        }

        var (filled, count) = _filled.Take();
        if (filled is null)
        {
            _ended = true;
            _error?.Throw();
            return 0;
        }

        for (int i = 0; i < count; i++)
        {
            chunk.CopyRow(filled, i, i);
        }

        _free.Add(filled);
        return count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _inner.Dispose();
        _stop.Dispose();
        _free.Dispose();
        _filled.Dispose();
    }

    private void ReadAhead()
    {
        try
        {
            while (true)
            {
                var chunk = _free.Take(_stop.Token);
                int count = _inner.Read(chunk);
                _filled.Add(count > 0 ? (chunk, count) : (null, 0), _stop.Token);
                if (count == 0)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            _error = ExceptionDispatchInfo.Capture(exception);
            try
            {
                _filled.Add((null, 0), _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
