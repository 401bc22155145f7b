using Microsoft.ML;
using MLNetScratchTrainer.Tests.Data;

namespace MLNetScratchTrainer.Tests.Trainers;

/// <summary>Missing feature values (NaN) need no transform: the model fills them, flags them, and keeps that through Model.Save/Load.</summary>
[TestClass]
public sealed class MissingFeaturesTests
{
    [TestMethod]
    public void RowsWithMissingFeaturesTrainPredictAndSurviveSaveAndLoad()
    {
        // Every third row misses feature 1; the label stays a function of the features that are there.
        var ml = new MLContext(seed: 1);
        var rows = InMemoryRows.Booleans(120);
        for (int i = 0; i < rows.Length; i += 3)
        {
            rows[i].Features[2] = float.NaN;
        }

        var data = ml.Data.LoadFromEnumerable(rows);
        var options = FastOptions.Create(epochs: 60);
        options.InputScaling = InputScaling.Robust;

        var model = ml.BinaryClassification.Trainers.Mlp(options).Fit(data);

        CollectionAssert.AreEqual(new[] { 2 }, model.Model.Preprocessor!.MissingIndicatorFeatures.ToArray());
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(data));
        Assert.IsGreaterThan(0.9, metrics.Accuracy);

        using var directory = new TemporaryDirectory();
        ml.Model.Save(model, data.Schema, directory.File("missing.zip"));
        var loaded = new MLContext().Model.Load(directory.File("missing.zip"), out _);

        var before = ml.Data.CreateEnumerable<BinaryPrediction>(model.Transform(data), reuseRowObject: false).Select(p => p.Score).ToArray();
        var after = ml.Data.CreateEnumerable<BinaryPrediction>(loaded.Transform(data), reuseRowObject: false).Select(p => p.Score).ToArray();
        CollectionAssert.AreEqual(before, after);
        Assert.IsTrue(before.All(float.IsFinite));
    }
}
