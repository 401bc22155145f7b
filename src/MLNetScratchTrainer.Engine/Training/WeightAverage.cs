using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>
/// An exponential moving average of a network's tensors over the optimizer's steps (Polyak averaging): after step t,
/// a ← a + (1 − βₜ)·(w − a), with βₜ = min(β, (1 + t) / (10 + t)) so that the first steps are not averaged with the
/// random initialisation. The average smooths the step-to-step noise of mini-batch training; <see cref="Swap"/> puts it
/// into the network to validate or keep it, and puts the trained weights back.
/// </summary>
internal sealed class WeightAverage
{
    private readonly Network _network;
    private readonly double _decay;
    private readonly float[][] _average;
    private long _steps;

    /// <param name="network">The network whose tensors are averaged.</param>
    /// <param name="decay">β in (0, 1): the weight of the average so far at each step.</param>
    public WeightAverage(Network network, double decay)
    {
        _network = network;
        _decay = decay;
        _average = [.. network.Tensors.Select(t => (float[])t.Value.Clone())];
    }

    /// <summary>The decay whose average spans about <paramref name="epochs"/> epochs of <paramref name="stepsPerEpoch"/> steps: β = 1 − 1 / (epochs · steps).</summary>
    public static double DecayFor(float epochs, int stepsPerEpoch) => 1 - (1 / Math.Max(1, epochs * (double)stepsPerEpoch));

    /// <summary>Folds the network's current tensors into the average (call after every optimizer step).</summary>
    public void Update()
    {
        _steps++;
        float rate = (float)(1 - Math.Min(_decay, (1.0 + _steps) / (10.0 + _steps)));
        int i = 0;
        foreach (var tensor in _network.Tensors)
        {
            float[] average = _average[i++];
            float[] value = tensor.Value;
            for (int k = 0; k < value.Length; k++)
            {
                average[k] += rate * (value[k] - average[k]);
            }
        }
    }

    /// <summary>Exchanges the network's tensors and the average: once to put the average in, again to take it out.</summary>
    public void Swap()
    {
        int i = 0;
        foreach (var tensor in _network.Tensors)
        {
            float[] average = _average[i++];
            float[] value = tensor.Value;
            for (int k = 0; k < value.Length; k++)
            {
                (value[k], average[k]) = (average[k], value[k]);
            }
        }
    }
}
