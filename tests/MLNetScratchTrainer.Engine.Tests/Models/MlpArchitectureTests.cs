using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;

namespace MLNetScratchTrainer.Engine.Tests.Models;

/// <summary>The architecture's one description of its layers and tensors agrees with what it builds and counts.</summary>
[TestClass]
public sealed class MlpArchitectureTests
{
    public static IEnumerable<object[]> Architectures()
    {
        int[][] hiddenLayers = [[], [5], [7, 4, 3]];
        foreach (var task in Enum.GetValues<MlpTask>())
        {
            int outputs = task switch { MlpTask.MulticlassClassification => 3, MlpTask.BinaryClassification => 1, _ => 2 };
            foreach (int[] hidden in hiddenLayers)
            {
                foreach (bool batchNorm in new[] { false, true })
                {
                    foreach (bool skip in new[] { false, true })
                    {
                        yield return [new MlpArchitecture(6, hidden, outputs, task, Activation.Tanh, dropoutRate: 0.2f, batchNormalization: batchNorm, linearSkip: skip)];
                    }
                }
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Architectures))]
    public void ParameterCount_IsTheDescribedTrainableSizes_AndTheBuiltNetworks(MlpArchitecture architecture)
    {
        var network = architecture.Build(new Gemm(), new Rng(1));

        long described = architecture.Layers.SelectMany(layer => layer.Tensors).Where(t => t.IsTrainable).Sum(t => t.Size);
        long built = network.Parameters.Sum(p => (long)p.Value.Length);
        Assert.AreEqual(described, architecture.ParameterCount);
        Assert.AreEqual(built, architecture.ParameterCount);
    }

    [TestMethod]
    [DynamicData(nameof(Architectures))]
    public void Tensors_DescribeTheBuiltNetworksTensors_InOrderWithTheirRoles(MlpArchitecture architecture)
    {
        var network = architecture.Build(new Gemm(), new Rng(1));

        var described = architecture.Tensors.Select(t => (t.Name, t.Rows, t.Columns, t.IsTrainable, IsWeight: t.Role == TensorRole.Weight)).ToArray();
        var trainable = network.Parameters.Select(p => (p.Name, p.Rows, p.Columns, IsTrainable: true, p.IsWeight));
        var state = network.State.Select(p => (p.Name, p.Rows, p.Columns, IsTrainable: false, p.IsWeight));
        CollectionAssert.AreEqual(trainable.Concat(state).ToArray(), described);
    }

    [TestMethod]
    [DynamicData(nameof(Architectures))]
    public void Layers_BuildTheLayersTheyDescribe(MlpArchitecture architecture)
    {
        var network = architecture.Build(new Gemm(), new Rng(1));

        // The chain, then the skip branch (listed last, built beside the chain).
        var built = network.Skip is null ? network.Layers : [.. network.Layers, network.Skip];
        var described = architecture.Layers.Select(l => (l.InputSize, l.OutputSize)).ToArray();
        CollectionAssert.AreEqual(built.Select(l => (l.InputSize, l.OutputSize)).ToArray(), described);
        CollectionAssert.AreEqual(
            built.Select(l => l.GetType().Name).ToArray(),
            architecture.Layers.Select(l => l switch { DenseSpec => "Dense", BatchNormSpec => "BatchNorm", DropoutSpec => "Dropout", LinearSkipSpec => "LinearSkip", _ => "Tanh" }).ToArray());
        Assert.AreEqual(architecture.LinearSkip, network.Skip is not null);
        CollectionAssert.AreEqual(architecture.Layers.Select(l => l.IsBranch).ToArray(), built.Select(l => ReferenceEquals(l, network.Skip)).ToArray());
    }

    [TestMethod]
    public void LinearSkip_AddsOneDecayedWeightOfInputsTimesOutputs_AfterTheOutputLayer()
    {
        var plain = new MlpArchitecture(4, [5], 3, MlpTask.MulticlassClassification);
        var withSkip = new MlpArchitecture(4, [5], 3, MlpTask.MulticlassClassification, linearSkip: true);

        Assert.AreEqual(plain.ParameterCount + (4 * 3), withSkip.ParameterCount);
        Assert.AreEqual(new TensorSpec("skip.weight", 4, 3, TensorRole.Weight), withSkip.Tensors[^1]);
        CollectionAssert.AreEqual(plain.Tensors.ToArray(), withSkip.Tensors.Take(plain.Tensors.Count).ToArray(), "the other tensors keep their order");
    }

    [TestMethod]
    public void ParameterCount_OfOneHiddenBatchNormalisedLayer_CountsWeightsBiasesScalesAndShifts()
    {
        // 4 inputs → 5 units (20 weights, 5 biases, 5 γ, 5 β) → 3 outputs (15 weights, 3 biases); running statistics are not trained.
        var architecture = new MlpArchitecture(4, [5], 3, MlpTask.MulticlassClassification, batchNormalization: true);

        Assert.AreEqual(20 + 5 + 5 + 5 + 15 + 3, architecture.ParameterCount);
        Assert.AreEqual(10, architecture.Tensors.Where(t => t.Role == TensorRole.State).Sum(t => t.Size));
    }
}
