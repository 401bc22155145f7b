using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Layers;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tensors;
using MLNetScratchTrainer.Engine.Tests.Support;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Engine.Tests.Training;

/// <summary>The ridge start of the linear skip: the network starts as the linear model of the training rows.</summary>
[TestClass]
public sealed class LinearSkipStartTests
{
    private const int Rows = 500, Features = 5;
    private static readonly float[] TrueWeights = [1.5f, -2f, 0.5f, 0f, 3f];

    [TestMethod]
    public void Apply_Regression_StartsTheNetworkAtTheLinearTarget()
    {
        // A noise-free target 2 + x·w: the ridge fit (λ = 1 against 500 rows of unit variance) is w to about 0.2 %, so the
        // network predicts the target before any training; the output layer's weights are zero, its bias the intercept.
        var (data, targets) = Linear(seed: 1);
        var network = RandomNetwork(MlpTask.Regression);

        LinearSkipStart.Apply(network, Architecture(MlpTask.Regression), data, data.Labels, [.. Enumerable.Range(0, Rows)], preprocessor: null, new Gemm());

        float[] predicted = network.Forward(Inputs(data), training: false).Span.ToArray();
        for (int r = 0; r < Rows; r++)
        {
            Assert.AreEqual(targets[r], predicted[r], 0.03, $"row {r}");
        }

        Assert.IsTrue(((Dense)network.Layers[^1]).Weight.Value.All(w => w == 0f));
        float[] s = network.Skip!.Parameters[0].Value;
        for (int i = 0; i < Features; i++)
        {
            Assert.AreEqual(TrueWeights[i], s[i], 0.02, $"S[{i}]");
        }
    }

    [TestMethod]
    public void Apply_Binary_PointsSAlongTheTrueDirection_AndStartsAtTheMeanLogOdds()
    {
        // Labels 1 where 2 + x·w > 0 (about 70 % of the rows). For Gaussian inputs the least-squares direction is that of
        // w whatever the link (Brillinger 1982), so S points along w; the bias is the log-odds of the positive share at
        // the mean input.
        var (data, targets) = Linear(seed: 2);
        float[] labels = [.. targets.Select(t => t > 0 ? 1f : 0f)];
        var binary = new Dataset(data.Features, Features, labels);
        var network = RandomNetwork(MlpTask.BinaryClassification);

        LinearSkipStart.Apply(network, Architecture(MlpTask.BinaryClassification), binary, labels, [.. Enumerable.Range(0, Rows)], preprocessor: null, new Gemm());

        float[] s = network.Skip!.Parameters[0].Value;
        double cosine = TrueWeights.Zip(s, (w, v) => (double)w * v).Sum() / Math.Sqrt(TrueWeights.Sum(w => (double)w * w) * s.Sum(v => (double)v * v));
        Assert.IsGreaterThan(0.97, cosine);
        double share = labels.Average();
        double atMeanInput = Enumerable.Range(0, Features).Sum(i => s[i] * Enumerable.Range(0, Rows).Average(r => data.Features[(r * Features) + i]));
        Assert.AreEqual(Math.Log(share / (1 - share)), ((Dense)network.Layers[^1]).Bias.Value[0] + atMeanInput, 1e-3);
    }

    [TestMethod]
    public void Apply_Multiclass_LeavesSAndTheOutputLayerAsTheyWere()
    {
        var (data, targets) = Linear(seed: 3);
        float[] labels = [.. targets.Select(t => t > 2 ? 2f : t > -2 ? 1f : 0f)];
        var network = RandomNetwork(MlpTask.MulticlassClassification);
        float[] output = [.. ((Dense)network.Layers[^1]).Weight.Value];

        LinearSkipStart.Apply(network, Architecture(MlpTask.MulticlassClassification), new Dataset(data.Features, Features, labels), labels, [.. Enumerable.Range(0, Rows)], preprocessor: null, new Gemm());

        Assert.IsTrue(network.Skip!.Parameters[0].Value.All(w => w == 0f));
        CollectionAssert.AreEqual(output, ((Dense)network.Layers[^1]).Weight.Value);
        Assert.IsFalse(LinearSkipStart.Fits(Architecture(MlpTask.MulticlassClassification)));
    }

    [TestMethod]
    public void Fits_OnlyNetworksWithASkip_AndAtMostTheInputLimit()
    {
        Assert.IsTrue(LinearSkipStart.Fits(new MlpArchitecture(LinearSkipStart.MaximumInputs, [4], 1, MlpTask.Regression, linearSkip: true)));
        Assert.IsFalse(LinearSkipStart.Fits(new MlpArchitecture(LinearSkipStart.MaximumInputs + 1, [4], 1, MlpTask.Regression, linearSkip: true)));
        Assert.IsFalse(LinearSkipStart.Fits(new MlpArchitecture(4, [4], 1, MlpTask.Regression)));
    }

    private static MlpArchitecture Architecture(MlpTask task)
        => new(Features, [8], task == MlpTask.MulticlassClassification ? 3 : 1, task, linearSkip: true);

    private static Network RandomNetwork(MlpTask task)
    {
        var network = Architecture(task).Build(new Gemm(), new Rng(0));
        int seed = 10;
        foreach (var dense in network.Layers.OfType<Dense>())
        {
            RandomValues.Uniform(dense.Weight.Value.Length, ++seed).CopyTo(dense.Weight.Value, 0);
        }

        return network;
    }

    /// <summary>x ~ N(0, 1) + 0.5 per feature (a mean the fit must centre away) and t = 2 + x·w, without noise.</summary>
    private static (Dataset Data, float[] Targets) Linear(int seed)
    {
        var rng = new Rng(seed);
        var x = new float[Rows * Features];
        var t = new float[Rows];
        for (int r = 0; r < Rows; r++)
        {
            t[r] = 2f;
            for (int i = 0; i < Features; i++)
            {
                x[(r * Features) + i] = rng.NextNormal() + 0.5f;
                t[r] += TrueWeights[i] * x[(r * Features) + i];
            }
        }

        return (new Dataset(x, Features, t), t);
    }

    private static Matrix Inputs(Dataset data)
    {
        var inputs = new Matrix(Rows, Features);
        data.Features.CopyTo(inputs.Span);
        return inputs;
    }
}
