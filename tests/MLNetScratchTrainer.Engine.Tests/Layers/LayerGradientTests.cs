using MLNetScratchTrainer.Engine.Gradients;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Layers;

/// <summary>Every layer's backward pass against central differences (tolerance: see <see cref="Float32Gradients"/>).</summary>
[TestClass]
public sealed class LayerGradientTests
{
    private const int Rows = 5, Size = 7;

    [TestMethod]
    [DataRow("relu")]
    [DataRow("leaky-relu")]
    [DataRow("sigmoid")]
    [DataRow("tanh")]
    [DataRow("identity")]
    public void Activation_BackwardMatchesNumericalGradient(string activation)
    {
        ILayer layer = activation switch
        {
            "relu" => new Relu(Size),

            // A slope of 0.2 rather than the default 0.01: a backward pass that forgot the slope would then be
            // off by 20% of the gradient's scale, well beyond the tolerance.
            "leaky-relu" => new LeakyRelu(Size, slope: 0.2f),
            "sigmoid" => new Sigmoid(Size),
            "tanh" => new Tanh(Size),
            _ => new Identity(Size),
        };

        AssertBackwardMatches(layer, RandomValues.AwayFromZero(Rows, Size, seed: 1));
    }

    [TestMethod]
    public void Dense_WeightBiasAndInputGradientsMatchNumericalGradient()
    {
        var dense = new Dense(Size, 4, new Gemm());
        RandomValues.Uniform(dense.Weight.Value.Length, seed: 2).CopyTo(dense.Weight.Value, 0);
        RandomValues.Uniform(dense.Bias.Value.Length, seed: 3).CopyTo(dense.Bias.Value, 0);

        var result = AssertBackwardMatches(dense, RandomValues.Matrix(Rows, Size, seed: 4));

        CollectionAssert.AreEqual(new[] { "input", "dense.weight", "dense.bias" }, result.Tensors.Select(t => t.Name).ToArray());
    }

    [TestMethod]
    public void LinearSkip_WeightAndInputGradientsMatchNumericalGradient()
    {
        var skip = new LinearSkip(Size, 3, new Gemm());
        RandomValues.Uniform(skip.Weight.Value.Length, seed: 12).CopyTo(skip.Weight.Value, 0);

        var result = AssertBackwardMatches(skip, RandomValues.Matrix(Rows, Size, seed: 13));

        CollectionAssert.AreEqual(new[] { "input", "skip.weight" }, result.Tensors.Select(t => t.Name).ToArray());
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void BatchNorm_GradientsMatchNumericalGradient(bool training)
    {
        // In training the output depends on every row through the batch mean and variance, and the input
        // gradient must include those paths; at inference the layer is a per-feature affine map.
        var batchNorm = new BatchNorm(Size);
        RandomValues.Uniform(Size, seed: 5, min: 0.5f, max: 1.5f).CopyTo(batchNorm.Gamma.Value, 0);
        RandomValues.Uniform(Size, seed: 6).CopyTo(batchNorm.Beta.Value, 0);
        RandomValues.Uniform(Size, seed: 7).CopyTo(batchNorm.RunningMean.Value, 0);
        RandomValues.Uniform(Size, seed: 8, min: 0.5f, max: 2f).CopyTo(batchNorm.RunningVariance.Value, 0);

        AssertBackwardMatches(batchNorm, RandomValues.Matrix(Rows, Size, seed: 9, min: -3f, max: 3f), training);
    }

    private static GradientCheckResult AssertBackwardMatches(ILayer layer, Matrix input, bool training = true)
    {
        var outputGradient = RandomValues.Matrix(input.Rows, layer.OutputSize, seed: 99);

        var result = GradientCheck.Run(layer, input, outputGradient, training, Float32Gradients.Step);

        Assert.HasCount(1 + layer.Parameters.Count, result.Tensors);
        Assert.IsTrue(result.Passed(Float32Gradients.Tolerance), result.ToString());
        return result;
    }
}
