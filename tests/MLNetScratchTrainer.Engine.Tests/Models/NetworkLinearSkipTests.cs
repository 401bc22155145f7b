using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Models;

/// <summary>A network with a linear skip computes MLP(x) + x·S, and starts (S = 0) as the plain MLP.</summary>
[TestClass]
public sealed class NetworkLinearSkipTests
{
    private const int Rows = 6, Features = 5, Outputs = 3;

    [TestMethod]
    public void Forward_IsTheChainsLogitsPlusTheInputTimesS()
    {
        var architecture = new MlpArchitecture(Features, [4], Outputs, MlpTask.MulticlassClassification, Activation.Tanh, linearSkip: true);
        var model = RandomModels.Create(architecture, seed: 1);
        var withSkip = model.CreateNetwork();
        var chainOnly = new Network(withSkip.Layers, architecture.CreateHead());
        var x = RandomValues.Matrix(Rows, Features, seed: 2);
        float[] s = model.GetTensor("skip.weight").ToArray();

        float[] chain = chainOnly.Forward(x, training: false).Span.ToArray();
        float[] logits = withSkip.Forward(x, training: false).Span.ToArray();

        // x·S by the definition, one sum per output, in double.
        for (int r = 0; r < Rows; r++)
        {
            for (int j = 0; j < Outputs; j++)
            {
                double linear = 0;
                for (int i = 0; i < Features; i++)
                {
                    linear += (double)x[r, i] * s[(i * Outputs) + j];
                }

                Assert.AreEqual(chain[(r * Outputs) + j] + linear, logits[(r * Outputs) + j], 1e-5, $"row {r}, output {j}");
            }
        }
    }

    [TestMethod]
    public void Build_StartsWithSAtZero_SoTheNetworkIsThePlainMlp()
    {
        var plain = RandomModels.Create(new MlpArchitecture(Features, [4], Outputs, MlpTask.Regression), seed: 3);
        var withSkip = new MlpArchitecture(Features, [4], Outputs, MlpTask.Regression, linearSkip: true).Build(new Gemm(), new Rng(0));
        var plainNetwork = plain.CreateNetwork();
        for (int i = 0; i < plainNetwork.Parameters.Count; i++)
        {
            plainNetwork.Parameters[i].Value.CopyTo(withSkip.Parameters[i].Value, 0);
        }

        var x = RandomValues.Matrix(Rows, Features, seed: 4);

        Assert.IsTrue(withSkip.Skip!.Parameters[0].Value.All(w => w == 0f));
        CollectionAssert.AreEqual(plainNetwork.Forward(x, training: false).Span.ToArray(), withSkip.Forward(x, training: false).Span.ToArray());
    }

    [TestMethod]
    public void Constructor_ASkipOfTheWrongShape_IsRejectedWithBothShapes()
    {
        var gemm = new Gemm();

        var exception = Assert.ThrowsExactly<ArgumentException>(() => new Network([new Dense(Features, Outputs, gemm)], new SoftmaxCrossEntropy(Outputs), new LinearSkip(Features + 1, Outputs, gemm)));

        StringAssert.Contains(exception.Message, $"maps {Features + 1} inputs to {Outputs} outputs but the network has {Features} inputs and {Outputs} outputs");
    }
}
