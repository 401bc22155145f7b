using MLNetScratchTrainer.Engine.Gradients;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Losses;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Gradients;

/// <summary>Whole-network gradient checks (tolerance: see <see cref="Float32Gradients"/>).</summary>
[TestClass]
public sealed class GradientCheckTests
{
    private const int Rows = 8, Features = 4;

    [TestMethod]
    [DataRow(MlpTask.MulticlassClassification)]
    [DataRow(MlpTask.BinaryClassification)]
    [DataRow(MlpTask.Regression)]
    public void Run_TwoHiddenLayersWithBatchNorm_EveryParameterMatches(MlpTask task)
    {
        // Tanh rather than ReLU: batch normalisation centres the pre-activations on zero, where a ReLU kink
        // would sit inside some central differences.
        int outputs = task switch { MlpTask.MulticlassClassification => 3, MlpTask.BinaryClassification => 1, _ => 2 };
        var network = RandomNetwork(new MlpArchitecture(Features, [6, 5], outputs, task, Activation.Tanh, batchNormalization: true));
        float[] labels = task switch
        {
            MlpTask.MulticlassClassification => [0, 1, 2, 1, 0, 2, 2, 1],
            MlpTask.BinaryClassification => [0, 1, 1, 0, 1, 0, 0, 1],
            _ => RandomValues.Uniform(Rows * outputs, seed: 3, min: -2f, max: 2f),
        };

        var result = GradientCheck.Run(network, RandomValues.Matrix(Rows, Features, seed: 4, min: -2f, max: 2f), labels, RandomValues.Uniform(Rows, seed: 5, min: 0f, max: 2f), Float32Gradients.Step);

        string[] expectedTensors = ["dense0.weight", "dense0.bias", "batchnorm0.gamma", "batchnorm0.beta", "dense1.weight", "dense1.bias", "batchnorm1.gamma", "batchnorm1.beta", "dense2.weight", "dense2.bias"];
        CollectionAssert.AreEqual(expectedTensors, result.Tensors.Select(t => t.Name).ToArray());
        Assert.IsTrue(result.Passed(Float32Gradients.Tolerance, Float32Gradients.AbsoluteTolerance), result.ToString());

        // Batch normalisation subtracts the batch mean, so the dense biases before it have no effect: their true
        // gradient is zero and only those two tensors need the absolute tolerance.
        var relativeFailures = result.Tensors.Where(t => !t.Passed(Float32Gradients.Tolerance)).Select(t => t.Name);
        CollectionAssert.IsSubsetOf(relativeFailures.ToArray(), new[] { "dense0.bias", "dense1.bias" });
    }

    [TestMethod]
    [DataRow(MlpTask.MulticlassClassification)]
    [DataRow(MlpTask.BinaryClassification)]
    [DataRow(MlpTask.Regression)]
    public void Run_HiddenLayersWithALinearSkip_EveryParameterMatches(MlpTask task)
    {
        int outputs = task switch { MlpTask.MulticlassClassification => 3, MlpTask.BinaryClassification => 1, _ => 2 };
        var network = RandomNetwork(new MlpArchitecture(Features, [6, 5], outputs, task, Activation.Tanh, linearSkip: true));
        float[] labels = task switch
        {
            MlpTask.MulticlassClassification => [0, 1, 2, 1, 0, 2, 2, 1],
            MlpTask.BinaryClassification => [0, 1, 1, 0, 1, 0, 0, 1],
            _ => RandomValues.Uniform(Rows * outputs, seed: 3, min: -2f, max: 2f),
        };

        var result = GradientCheck.Run(network, RandomValues.Matrix(Rows, Features, seed: 4, min: -2f, max: 2f), labels, RandomValues.Uniform(Rows, seed: 5, min: 0f, max: 2f), Float32Gradients.Step);

        CollectionAssert.AreEqual(new[] { "dense0.weight", "dense0.bias", "dense1.weight", "dense1.bias", "dense2.weight", "dense2.bias", "skip.weight" }, result.Tensors.Select(t => t.Name).ToArray());
        Assert.IsTrue(result.Passed(Float32Gradients.Tolerance), result.ToString());
    }

    [TestMethod]
    public void Run_NetworkWithAWrongDerivative_Fails()
    {
        var gemm = new Gemm();
        var first = new Dense(Features, 5, gemm, "dense0");
        var second = new Dense(5, 2, gemm, "dense1");
        RandomValues.Uniform(first.Weight.Value.Length, seed: 6).CopyTo(first.Weight.Value, 0);
        RandomValues.Uniform(second.Weight.Value.Length, seed: 7).CopyTo(second.Weight.Value, 0);
        var network = new Network([first, new WrongSigmoid(5), second], new SoftmaxCrossEntropy(2));

        var result = GradientCheck.Run(network, RandomValues.Matrix(Rows, Features, seed: 8), [0, 1, 1, 0, 1, 0, 0, 1], step: Float32Gradients.Step);

        Assert.IsFalse(result.Passed(Float32Gradients.Tolerance), result.ToString());
        Assert.IsTrue(result.Tensors.Single(t => t.Name == "dense1.weight").Passed(Float32Gradients.Tolerance), "layers after the bug are unaffected");
        Assert.IsGreaterThan(0.1, result.Tensors.Single(t => t.Name == "dense0.weight").MaxRelativeError, "the layer before the bug is far off");
    }

    [TestMethod]
    public void Run_WrongLayerDerivative_FailsOnTheInputGradient()
    {
        var result = GradientCheck.Run(new WrongSigmoid(3), RandomValues.Matrix(2, 3, seed: 9), RandomValues.Matrix(2, 3, seed: 10), step: Float32Gradients.Step);

        Assert.IsFalse(result.Passed(Float32Gradients.Tolerance), result.ToString());
    }

    [TestMethod]
    public void Run_NetworkWithDropout_IsRejected()
    {
        var network = new MlpArchitecture(Features, [5], 2, MlpTask.MulticlassClassification, dropoutRate: 0.5f).Build(new Gemm(), new Rng(1));

        var exception = Assert.ThrowsExactly<ArgumentException>(() => GradientCheck.Run(network, new Matrix(2, Features), [0, 1]));

        Assert.Contains("dropout", exception.Message);
    }

    [TestMethod]
    public void Run_LeavesBatchNormRunningStatisticsAsTheyWere()
    {
        var network = RandomNetwork(new MlpArchitecture(Features, [5], 2, MlpTask.MulticlassClassification, Activation.Tanh, batchNormalization: true));
        float[][] before = [.. network.State.Select(s => (float[])s.Value.Clone())];

        GradientCheck.Run(network, RandomValues.Matrix(Rows, Features, seed: 11), [0, 1, 1, 0, 1, 0, 0, 1]);

        for (int i = 0; i < before.Length; i++)
        {
            CollectionAssert.AreEqual(before[i], network.State[i].Value, network.State[i].Name);
        }
    }

    private static Network RandomNetwork(MlpArchitecture architecture)
    {
        var network = architecture.Build(new Gemm(), new Rng(0));
        int seed = 100;
        foreach (var parameter in network.Parameters.Where(p => !p.Name.EndsWith(".gamma", StringComparison.Ordinal)))
        {
            RandomValues.Uniform(parameter.Value.Length, ++seed).CopyTo(parameter.Value, 0);
        }

        return network;
    }
}
