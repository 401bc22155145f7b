using Microsoft.ML;
using MLNetScratchTrainer.Tests.Data;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Tests.Transformers;

/// <summary>
/// What a fitted transformer hands out cannot change it: the model's lists are read-only views (not arrays or lists a
/// cast would open), its tensors are read-only spans, and the network it builds is a copy.
/// </summary>
[TestClass]
public sealed class ReadOnlyModelTests
{
    [TestMethod]
    public void TheModelsListsCannotBeCastToSomethingWritable()
    {
        var transformer = FitRegressionWithMissingValues();
        var model = transformer.Model;

        AssertReadOnly(model.Architecture.HiddenLayers, "HiddenLayers");
        AssertReadOnly(model.TensorNames, "TensorNames");
        AssertReadOnly(transformer.History.Epochs, "History.Epochs");
        AssertReadOnly(model.TargetScaling!.Mean, "TargetScaling.Mean");
        AssertReadOnly(model.TargetScaling.Scale, "TargetScaling.Scale");
        AssertReadOnly(model.Preprocessor!.Fill, "Preprocessor.Fill");
        AssertReadOnly(model.Preprocessor.Center, "Preprocessor.Center");
        AssertReadOnly(model.Preprocessor.Scale, "Preprocessor.Scale");
        AssertReadOnly(model.Preprocessor.MissingIndicatorFeatures, "Preprocessor.MissingIndicatorFeatures");
    }

    [TestMethod]
    public void ChangingTheNetworkItBuilds_LeavesThePredictionsAlone()
    {
        var transformer = FitRegressionWithMissingValues();
        float[] row = [0.3f, 0.7f, 0.1f];
        float[] before = transformer.Model.Predict(row);

        var network = transformer.Model.CreateNetwork();
        foreach (var parameter in network.Parameters)
        {
            Array.Fill(parameter.Value, 0f);
        }

        CollectionAssert.AreEqual(before, transformer.Model.Predict(row));
        Assert.AreNotEqual(0f, transformer.Model.GetTensor("dense0.weight")[0]);
    }

    private static MlpRegressionTransformer FitRegressionWithMissingValues()
    {
        var rows = InMemoryRows.Single(60);
        for (int i = 0; i < rows.Length; i += 4)
        {
            rows[i].Features[1] = float.NaN;
        }

        var ml = new MLContext(seed: 1);
        return ml.Regression.Trainers.Mlp(FastOptions.Create(epochs: 3)).Fit(ml.Data.LoadFromEnumerable(rows));
    }

    private static void AssertReadOnly<T>(IReadOnlyList<T> list, string name)
    {
        Assert.IsNotEmpty(list, $"{name} is empty, so this test proves nothing for it");
        Assert.IsNotInstanceOfType<T[]>(list, name);
        Assert.IsNotInstanceOfType<List<T>>(list, name);
        Assert.IsTrue(list is not ICollection<T> collection || collection.IsReadOnly, $"{name} is a writable collection");
    }
}
