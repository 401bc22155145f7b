using CsCheck;
using MLNetScratchTrainer.Engine.Gradients;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Layers;

/// <summary>
/// Backpropagation through generated stacks of layers — 1–3 dense layers of 1–6 units with any smooth activation, any task
/// and loss, 2–8 rows, random weights, inputs and example weights — against central differences.
/// </summary>
/// <remarks>
/// ReLU and leaky ReLU are left out: a generated pre-activation within the difference step of their kink makes the
/// numerical gradient meaningless (their derivatives are checked at inputs away from zero in <see cref="LayerGradientTests"/>).
/// Dropout is left out because the check needs a deterministic network. Batch normalisation is left out too: it makes
/// the loss invariant to the scale of the dense layer before it, so that layer's true gradient is tiny or exactly zero
/// (one input) and a float32 central difference across a small weight measures only noise; generated cases found
/// exactly that, never a wrong derivative. Its gradients are checked on well-conditioned cases in
/// <see cref="LayerGradientTests"/> and <see cref="Gradients.GradientCheckTests"/>.
/// </remarks>
[TestClass]
public sealed class GradientProperties
{
    private static readonly Gen<MlpArchitecture> Stacks = Gen.Select(
        Gen.Int[1, 5], Gen.Int[1, 6].Array[1, 3], Gen.Enum<MlpTask>(), Gen.Int[2, 4], Gen.OneOf(Activation.Tanh, Activation.Sigmoid, Activation.Identity),
        (inputs, hidden, task, classes, activation) => new MlpArchitecture(inputs, hidden, task == MlpTask.BinaryClassification ? 1 : classes, task, activation));

    [TestMethod]
    public void Backward_AnyStackOfLayers_MatchesTheNumericalGradient()
    {
        Gen.Select(Stacks, Gen.Int[2, 8], Gen.Int[1, 1000]).Sample(
            (architecture, rows, seed) =>
            {
                var network = architecture.Build(new Gemm(), new Rng(seed));
                foreach (var tensor in network.Tensors)
                {
                    RandomValues.Uniform(tensor.Value.Length, ++seed).CopyTo(tensor.Value, 0);
                }

                int outputs = architecture.OutputSize;
                float[] labels = architecture.Task switch
                {
                    MlpTask.MulticlassClassification => [.. Enumerable.Range(0, rows).Select(r => (float)((r + seed) % outputs))],
                    MlpTask.BinaryClassification => [.. Enumerable.Range(0, rows).Select(r => (float)((r + seed) % 2))],
                    _ => RandomValues.Uniform(rows * outputs, seed + 1, -2f, 2f),
                };

                var result = GradientCheck.Run(network, RandomValues.Matrix(rows, architecture.InputSize, seed + 2, -2f, 2f), labels, RandomValues.Uniform(rows, seed + 3, 0.1f, 2f), Float32Gradients.Step);

                Assert.IsTrue(result.Passed(Float32Gradients.Tolerance, Float32Gradients.AbsoluteTolerance), result.ToString());
            },
            iter: 100,
            print: c => $"{c.Item1.InputSize} -> [{string.Join(", ", c.Item1.HiddenLayers)}] -> {c.Item1.OutputSize} {c.Item1.Task}, {c.Item1.Activation}; {c.Item2} rows, seed {c.Item3}");
    }
}
