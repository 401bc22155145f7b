using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Preprocessing;
using MLNetScratchTrainer.Engine.Randomness;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

/// <summary>The trainer fits the input preprocessing on its training rows and the model applies it.</summary>
[TestClass]
public sealed class InputPreprocessingTrainingTests
{
    [TestMethod]
    public void Fit_HeldOutValidationRows_DoNotShapeThePreprocessing()
    {
        var data = SyntheticData.Blobs(40, 2, 3, seed: 4);
        var options = RobustOptions();
        options.ValidationFraction = 0.25f;

        var model = Quick.Fit(options, data);

        // The trainer's preprocessing equals a fit on exactly the rows that are not held out.
        var heldOut = HeldOutRows(model, data);
        int[] trainRows = [.. Enumerable.Range(0, data.Count).Except(heldOut)];
        var expected = PreprocessorFitter.Fit(data.Features, data.FeatureCount, trainRows, InputScaling.Robust, 3f)!;
        var everyRow = PreprocessorFitter.Fit(data.Features, data.FeatureCount, [.. Enumerable.Range(0, data.Count)], InputScaling.Robust, 3f)!;
        CollectionAssert.AreEqual(expected.Center.ToArray(), model.Preprocessor!.Center.ToArray());
        CollectionAssert.AreEqual(expected.Scale.ToArray(), model.Preprocessor.Scale.ToArray());
        CollectionAssert.AreNotEqual(everyRow.Center.ToArray(), model.Preprocessor.Center.ToArray(), "the held-out rows would change the medians");
        Assert.HasCount(20, heldOut);
    }

    [TestMethod]
    public void Fit_ASeparateValidationSet_DoesNotShapeThePreprocessing()
    {
        var train = SyntheticData.Blobs(20, 2, 2, seed: 5);
        var outliers = new Dataset([1e6f, -1e6f, float.NaN, 3f], 2, [0, 1]);

        var model = Quick.Fit(RobustOptions(), train, outliers);

        var expected = PreprocessorFitter.Fit(train.Features, 2, [.. Enumerable.Range(0, train.Count)], InputScaling.Robust, 3f)!;
        CollectionAssert.AreEqual(expected.Center.ToArray(), model.Preprocessor!.Center.ToArray());
        CollectionAssert.AreEqual(expected.Scale.ToArray(), model.Preprocessor.Scale.ToArray());
        Assert.IsEmpty(model.Preprocessor.MissingIndicatorFeatures, "only training rows decide which features get indicators");
    }

    [TestMethod]
    public void Fit_LabelGivenByMissingness_IsLearnedThroughTheIndicator()
    {
        // Class 1 exactly when feature 0 is missing; feature 1 is noise. Only the indicator input can separate them.
        var rng = new Rng(6);
        int count = 80;
        var features = new float[count * 2];
        var labels = new float[count];
        for (int row = 0; row < count; row++)
        {
            labels[row] = row % 2;
            features[row * 2] = row % 2 == 1 ? float.NaN : rng.NextNormal();
            features[(row * 2) + 1] = rng.NextNormal();
        }

        var data = new Dataset(features, 2, labels);
        var options = RobustOptions();
        options.Task = MlpTask.BinaryClassification;

        var model = Quick.Fit(options, data);

        CollectionAssert.AreEqual(new[] { 0 }, model.Preprocessor!.MissingIndicatorFeatures.ToArray());
        Assert.AreEqual(3, model.Architecture.InputSize);
        Assert.AreEqual(2, model.InputSize);
        Assert.AreEqual(1.0, ModelMetrics.Accuracy(model, data));
        Assert.AreEqual(1, model.PredictClass([float.NaN, 0.3f]));
    }

    [TestMethod]
    public void Fit_AnAffineRescalingOfTheFeatures_GivesTheSameModel()
    {
        // Robust scaling sees x and 1000·x − 7 alike (up to rounding), so the same seed trains the same network.
        var data = SyntheticData.Blobs(30, 3, 3, seed: 7);
        var rescaled = new Dataset([.. data.Features.Select(x => (1000f * x) - 7f)], data.FeatureCount, data.Labels);

        var model = Quick.Fit(RobustOptions(), data);
        var rescaledModel = Quick.Fit(RobustOptions(), rescaled);

        for (int row = 0; row < data.Count; row++)
        {
            float[] p = model.Predict(data.FeatureRow(row));
            float[] q = rescaledModel.Predict(rescaled.FeatureRow(row));
            for (int k = 0; k < p.Length; k++)
            {
                Assert.AreEqual(p[k], q[k], 1e-3, $"row {row}, class {k}");
            }
        }
    }

    private static Engine.Training.MlpTrainerOptions RobustOptions()
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.InputScaling = InputScaling.Robust;
        options.SmoothClipBound = 3f;
        return options;
    }

    /// <summary>The rows a run with the default seed holds out for validation (the first quarter of its validation-split stream's shuffle).</summary>
    private static int[] HeldOutRows(MlpModel model, Dataset data)
    {
        int held = (int)Math.Round(data.Count * 0.25);
        int[] all = [.. Enumerable.Range(0, data.Count)];
        Rng.ForStream(Engine.Training.MlpTrainerOptions.DefaultSeed, RandomStream.ValidationSplit).Shuffle(all);
        Assert.IsNotNull(model.History.Epochs[0].ValidationLoss);
        return all[..held];
    }
}
