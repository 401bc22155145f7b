using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Optimizers;

/// <summary>
/// Per-parameter buffers of a stateful optimizer (velocities, squared-gradient sums, moment estimates),
/// keyed by the parameter's position in the list passed to <see cref="IOptimizer.Step"/>.
/// The buffers are allocated, zero-filled, on the first step; later steps only check that the list still matches.
/// </summary>
internal sealed class OptimizerState
{
    private readonly string _optimizerName;
    private readonly int _buffersPerParameter;
    private float[][]? _buffers;

    /// <summary>Creates empty state.</summary>
    /// <param name="optimizerName">Name used in error messages.</param>
    /// <param name="buffersPerParameter">How many buffers each parameter needs (1 for momentum, 2 for Adam).</param>
    public OptimizerState(string optimizerName, int buffersPerParameter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buffersPerParameter);
        _optimizerName = optimizerName;
        _buffersPerParameter = buffersPerParameter;
    }

    /// <summary>
    /// Allocates the buffers on the first call; on later calls throws <see cref="InvalidOperationException"/>
    /// when the number of parameters or the size of any parameter differs from the first call.
    /// </summary>
    public void Bind(IReadOnlyList<Parameter> parameters)
    {
        if (_buffers is null)
        {
            Allocate(parameters);
            return;
        }

        int boundCount = _buffers.Length / _buffersPerParameter;
        if (parameters.Count != boundCount)
        {
            throw new InvalidOperationException(
                $"{_optimizerName} was first stepped with {boundCount} parameters but now received {parameters.Count}. " +
                "Optimizer state is kept per parameter position; create a new optimizer for a different model.");
        }

        for (int p = 0; p < parameters.Count; p++)
        {
            int boundLength = Buffer(p, 0).Length;
            if (parameters[p].Value.Length != boundLength)
            {
                throw new InvalidOperationException(
                    $"{_optimizerName}: parameter {p} ('{parameters[p].Name}') has {parameters[p].Value.Length} values " +
                    $"but its optimizer state was created for {boundLength}. Pass the parameters in the same order on every step.");
            }
        }
    }

    /// <summary>Buffer number <paramref name="buffer"/> of the parameter at <paramref name="parameterIndex"/>.</summary>
    public float[] Buffer(int parameterIndex, int buffer)
    {
        if (_buffers is null)
        {
            throw new InvalidOperationException("Bind must be called before the buffers are used.");
        }

        return _buffers[(parameterIndex * _buffersPerParameter) + buffer];
    }

    private void Allocate(IReadOnlyList<Parameter> parameters)
    {
        var buffers = new float[parameters.Count * _buffersPerParameter][];
        for (int p = 0; p < parameters.Count; p++)
        {
            for (int b = 0; b < _buffersPerParameter; b++)
            {
                buffers[(p * _buffersPerParameter) + b] = new float[parameters[p].Value.Length];
            }
        }

        _buffers = buffers;
    }
}
