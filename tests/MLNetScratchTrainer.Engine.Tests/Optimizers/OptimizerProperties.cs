using CsCheck;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Optimizers;

namespace MLNetScratchTrainer.Engine.Tests.Optimizers;

/// <summary>
/// Generated runs of SGD, momentum, Adam and AdamW — random hyperparameters, 1–12 steps of random gradients on a weight
/// and a bias tensor of 1–40 values (whole SIMD blocks and a partial tail) — against the textbook update rules in float64.
/// </summary>
/// <remarks>
/// Each float32 step rounds a handful of times (relative error ~1e-7 each), so after t steps the weights may differ from
/// float64 by ~t·1e-6 of the distance travelled; the tolerance allows 1e-4 of it plus of the weight itself. A wrong rule (a
/// missing bias correction, the decay applied to biases, the wrong sign) moves a weight by a sizeable part of a step.
/// </remarks>
[TestClass]
public sealed class OptimizerProperties
{
    private static readonly Gen<OptimizerRun> Runs = Gen.Select(
        Gen.OneOf("sgd", "momentum", "adam", "adamw"), Gen.Float[0.001f, 0.5f], Gen.Float[0f, 0.99f], Gen.Float[0.5f, 0.9999f], Gen.Float[0f, 0.1f],
        Gen.Int[1, 40], Gen.Int[1, 12], Gen.Int[1, 10_000],
        (kind, learningRate, beta1, beta2, weightDecay, size, steps, seed) => new OptimizerRun(kind, learningRate, beta1, beta2, weightDecay, size, steps, seed));

    [TestMethod]
    public void Step_AnyHyperparametersAndGradients_MatchesTheFloat64Rule()
    {
        Runs.Sample(
            run =>
            {
                var random = new Random(run.Seed);
                Parameter[] parameters = [new Parameter("w", 1, run.Size, isWeight: true), new Parameter("b", 1, run.Size, isWeight: false)];
                foreach (var p in parameters)
                {
                    for (int i = 0; i < p.Value.Length; i++)
                    {
                        p.Value[i] = (float)((random.NextDouble() * 4) - 2);
                    }
                }

                var reference = parameters.Select(p => new Float64Rule(run, p.Value, p.IsWeight)).ToArray();
                var optimizer = Create(run);
                for (int t = 1; t <= run.Steps; t++)
                {
                    for (int p = 0; p < parameters.Length; p++)
                    {
                        for (int i = 0; i < run.Size; i++)
                        {
                            parameters[p].Gradient[i] = (float)((random.NextDouble() * 2) - 1);
                        }

                        reference[p].Step(parameters[p].Gradient, t);
                    }

                    optimizer.Step(parameters, run.LearningRate);
                }

                for (int p = 0; p < parameters.Length; p++)
                {
                    for (int i = 0; i < run.Size; i++)
                    {
                        double expected = reference[p].Weights[i];
                        double tolerance = 1e-4 * (Math.Abs(expected) + (run.LearningRate * run.Steps) + 1e-3);
                        Assert.IsLessThanOrEqualTo(tolerance, Math.Abs(parameters[p].Value[i] - expected), $"{parameters[p].Name}[{i}] is {parameters[p].Value[i]}, float64 says {expected}");
                    }
                }
            },
            iter: 300);
    }

    private static IOptimizer Create(OptimizerRun run) => run.Kind switch
    {
        "sgd" => new Sgd(),
        "momentum" => new Momentum(run.Beta1),
        "adam" => new Adam(run.Beta1, run.Beta2),
        _ => new AdamW(run.WeightDecay, run.Beta1, run.Beta2),
    };

    /// <summary>The update rules as written in the papers, in double precision, for one tensor.</summary>
    private sealed class Float64Rule(OptimizerRun run, float[] initial, bool isWeight)
    {
        private readonly double[] _first = new double[initial.Length];
        private readonly double[] _second = new double[initial.Length];

        public double[] Weights { get; } = [.. initial.Select(v => (double)v)];

        public void Step(float[] gradient, int t)
        {
            double lr = run.LearningRate, b1 = run.Beta1, b2 = run.Beta2;
            for (int i = 0; i < Weights.Length; i++)
            {
                double g = gradient[i];
                switch (run.Kind)
                {
                    case "sgd":
                        Weights[i] -= lr * g;
                        break;
                    case "momentum":
                        _first[i] = (b1 * _first[i]) - (lr * g);
                        Weights[i] += _first[i];
                        break;
                    default:
                        // Adam (Kingma & Ba, Algorithm 1); AdamW (Loshchilov & Hutter) first shrinks weights, not biases, by lr·λ.
                        _first[i] = (b1 * _first[i]) + ((1 - b1) * g);
                        _second[i] = (b2 * _second[i]) + ((1 - b2) * g * g);
                        double mHat = _first[i] / (1 - Math.Pow(b1, t)), vHat = _second[i] / (1 - Math.Pow(b2, t));
                        double decay = run.Kind == "adamw" && isWeight ? 1 - (lr * run.WeightDecay) : 1;
                        Weights[i] = (decay * Weights[i]) - (lr * mHat / (Math.Sqrt(vHat) + 1e-8));
                        break;
                }
            }
        }
    }
}

/// <summary>One generated optimizer run; <see cref="Beta1"/> doubles as the momentum coefficient.</summary>
internal sealed record OptimizerRun(string Kind, float LearningRate, float Beta1, float Beta2, float WeightDecay, int Size, int Steps, int Seed);
