using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Models;

[TestClass]
public sealed class SparseInputNetworkTests
{
    private const int Features = 40, Rows = 9;

    [TestMethod]
    [DataRow(MlpTask.MulticlassClassification)]
    [DataRow(MlpTask.BinaryClassification)]
    public void ForwardAndBackward_MatchTheDenseNetworkOnTheSameRows(MlpTask task)
    {
        // Two batches in a row with different columns: the rows of ∂W the first touched must be cleared by the second.
        var architecture = new MlpArchitecture(Features, [16, 8], task == MlpTask.BinaryClassification ? 1 : 3, task);
        var network = RandomNetwork(architecture, seed: 1);
        var sparse = new SparseInputNetwork(RandomNetwork(architecture, seed: 1), new SparseGemm());
        foreach (int seed in new[] { 10, 20 })
        {
            float[] dense = SparseRows(seed);
            float[] labels = [.. Enumerable.Range(0, Rows).Select(r => (float)(r % (task == MlpTask.BinaryClassification ? 2 : 3)))];

            double denseLoss = network.ForwardLoss(new Matrix(dense, Rows, Features), labels, default);
            network.Backward();
            double sparseLoss = sparse.ForwardLoss(SparseMatrix.FromDense(dense, Rows, Features), labels, default);
            sparse.Backward();

            Assert.AreEqual(denseLoss, sparseLoss, 1e-5 * Math.Abs(denseLoss), $"batch {seed}: loss");
            for (int p = 0; p < network.Parameters.Count; p++)
            {
                float[] expected = network.Parameters[p].Gradient, actual = sparse.Network.Parameters[p].Gradient;
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.AreEqual(expected[i], actual[i], 1e-5f, $"batch {seed}: {network.Parameters[p].Name}[{i}]");
                }
            }

            int[] usedColumns = [.. Enumerable.Range(0, Features).Where(c => Enumerable.Range(0, Rows).Any(r => dense[(r * Features) + c] != 0f))];
            CollectionAssert.AreEqual(usedColumns, sparse.Network.Parameters[0].GradientRows!.Value.ToArray(), $"batch {seed}: touched rows");
        }
    }

    [TestMethod]
    public void Predict_MatchesTheDenseNetwork()
    {
        var architecture = new MlpArchitecture(Features, [16], 3, MlpTask.MulticlassClassification);
        var network = RandomNetwork(architecture, seed: 2);
        float[] dense = SparseRows(30);
        var expected = new Matrix(Rows, 3);
        var actual = new Matrix(Rows, 3);

        network.Predict(new Matrix(dense, Rows, Features), expected);
        new SparseInputNetwork(network, new SparseGemm()).Predict(SparseMatrix.FromDense(dense, Rows, Features), actual);

        for (int i = 0; i < expected.Span.Length; i++)
        {
            Assert.AreEqual(expected.Span[i], actual.Span[i], 1e-6f, $"element {i}");
        }
    }

    [TestMethod]
    public void Forward_WrongColumnCount_ThrowsNamingBothSizes()
    {
        var network = new SparseInputNetwork(RandomNetwork(new MlpArchitecture(Features, [4], 2, MlpTask.MulticlassClassification), 3), new SparseGemm());
        var exception = Assert.ThrowsExactly<ArgumentException>(() => network.Forward(new SparseMatrix(Features + 1), training: false));
        Assert.Contains($"{Features + 1} columns", exception.Message);
        Assert.Contains($"expects {Features}", exception.Message);
    }

    private static Network RandomNetwork(MlpArchitecture architecture, int seed)
    {
        var network = architecture.Build(new Gemm(), new Rng(seed));
        foreach (var tensor in network.Tensors)
        {
            RandomValues.Uniform(tensor.Value.Length, ++seed).CopyTo(tensor.Value, 0);
        }

        return network;
    }

    /// <summary>Rows with about one value in five non-zero, row 2 empty: the shape of bag-of-words features.</summary>
    private static float[] SparseRows(int seed)
    {
        var rng = new Rng(seed);
        var dense = new float[Rows * Features];
        for (int i = 0; i < dense.Length; i++)
        {
            if (i / Features != 2 && rng.NextFloat() < 0.2f)
            {
                dense[i] = rng.NextFloat();
            }
        }

        return dense;
    }
}
