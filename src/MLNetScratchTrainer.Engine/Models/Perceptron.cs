namespace MLNetScratchTrainer.Engine.Models;

/// <summary>
/// Rosenblatt's perceptron: y = step(w·x + b). It learns with the perceptron rule
/// w ← w + η·(t − y)·x, b ← b + η·(t − y), which converges whenever a line separates the classes
/// (AND, NAND, OR) and never when none does (XOR).
/// </summary>
public sealed class Perceptron
{
    private readonly float[] _weights;

    /// <summary>Creates a perceptron with the given weights and bias.</summary>
    public Perceptron(float[] weights, float bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length == 0)
        {
            throw new ArgumentException("A perceptron needs at least one input weight.", nameof(weights));
        }

        _weights = (float[])weights.Clone();
        Bias = bias;
    }

    /// <summary>Creates an untrained perceptron (all weights and the bias zero).</summary>
    public Perceptron(int inputSize)
        : this(new float[inputSize], 0f)
    {
    }

    /// <summary>The input weights w.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The bias b (the negated threshold).</summary>
    public float Bias { get; private set; }

    /// <summary>step(w·x + b): 1 or 0.</summary>
    public int Predict(ReadOnlySpan<float> inputs)
    {
        if (inputs.Length != _weights.Length)
        {
            throw new ArgumentException($"Expected {_weights.Length} inputs but got {inputs.Length}.", nameof(inputs));
        }

        float sum = Bias;
        for (int i = 0; i < inputs.Length; i++)
        {
            sum += _weights[i] * inputs[i];
        }

        return (int)HeavisideStep.Of(sum);
    }

    /// <summary>
    /// Applies the perceptron rule, one example at a time, until every example is classified correctly
    /// or <paramref name="maxEpochs"/> passes have run.
    /// </summary>
    /// <param name="inputs">Examples, row-major, one row per target.</param>
    /// <param name="targets">0 or 1 per example.</param>
    /// <param name="maxEpochs">Upper bound on passes over the examples.</param>
    /// <param name="learningRate">η.</param>
    /// <returns>The number of passes made; it equals <paramref name="maxEpochs"/> when the rule did not converge.</returns>
    public int Train(float[] inputs, int[] targets, int maxEpochs = 100, float learningRate = 0.1f)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        int n = _weights.Length;
        if (inputs.Length != targets.Length * n)
        {
            throw new ArgumentException($"{targets.Length} targets need {targets.Length * n} input values ({n} per example) but got {inputs.Length}.", nameof(inputs));
        }

        for (int epoch = 1; epoch <= maxEpochs; epoch++)
        {
            int mistakes = 0;
            for (int e = 0; e < targets.Length; e++)
            {
                var x = inputs.AsSpan(e * n, n);
                int error = targets[e] - Predict(x);
                if (error == 0)
                {
                    continue;
                }

                mistakes++;
                for (int i = 0; i < n; i++)
                {
                    _weights[i] += learningRate * error * x[i];
                }

                Bias += learningRate * error;
            }

            if (mistakes == 0)
            {
                return epoch;
            }
        }

        return maxEpochs;
    }

    /// <summary>Fraction of examples classified correctly.</summary>
    public double Accuracy(float[] inputs, int[] targets)
    {
        int n = _weights.Length, correct = 0;
        for (int e = 0; e < targets.Length; e++)
        {
            correct += Predict(inputs.AsSpan(e * n, n)) == targets[e] ? 1 : 0;
        }

        return (double)correct / targets.Length;
    }
}
