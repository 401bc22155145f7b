using System.Runtime.CompilerServices;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// An exponential moving average of a network's tensors over the optimizer's steps (Polyak averaging): after step t,
/// a ← a + (1 − βₜ)·(w − a), with βₜ = min(β, (1 + t) / (10 + t)) so that the first steps are not averaged with the
/// random initialisation. The average smooths the step-to-step noise of mini-batch training; <see cref="Swap"/> puts it
/// into the network to validate or keep it, and puts the trained weights back.
/// </summary>
internal sealed class WeightAverage
{
    private readonly double _decay;
    /// <summary>The network's tensors (its own arrays, updated in place by the optimizer).</summary>
    private readonly float[][] _weights;
    private readonly float[][] _average;
    private long _steps;

    /// <param name="network">The network whose tensors are averaged.</param>
    /// <param name="decay">β in (0, 1): the weight of the average so far at each step.</param>
    public WeightAverage(Network network, double decay)
    {
        _decay = decay;
        _weights = [.. network.Tensors.Select(t => t.Value)];
        _average = [.. _weights.Select(w => (float[])w.Clone())];
    }

    /// <summary>The decay whose average spans about <paramref name="epochs"/> epochs of <paramref name="stepsPerEpoch"/> steps: β = 1 − 1 / (epochs · steps).</summary>
    public static double DecayFor(float epochs, int stepsPerEpoch) => 1 - (1 / Math.Max(1, epochs * (double)stepsPerEpoch));

    /// <summary>Folds the network's current tensors into the average (call after every optimizer step).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update()
    {
        _steps++;
        float rate = (float)(1 - Math.Min(_decay, (1.0 + _steps) / (10.0 + _steps)));
        for (int i = 0; i < _weights.Length; i++)
        {
            VectorMath.MoveToward(_average[i], _weights[i], rate);
        }
    }

    /// <summary>Exchanges the network's tensors and the average: once to put the average in, again to take it out.</summary>
    public void Swap()
    {
        for (int i = 0; i < _weights.Length; i++)
        {
            float[] average = _average[i], value = _weights[i];
            for (int k = 0; k < value.Length; k++)
            {
                (value[k], average[k]) = (average[k], value[k]);
            }
        }
    }
}
