using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Training;

/// <summary>Bad data is refused with a message that says what and where.</summary>
[TestClass]
public sealed class TrainerDataValidationTests
{
    [TestMethod]
    public void Dataset_WrongRowLength_Throws()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new Dataset(new float[7], 3, new float[2]));

        Assert.Contains("not a whole number of rows of 3 features", exception.Message);
    }

    [TestMethod]
    [DataRow(float.PositiveInfinity)]
    [DataRow(float.NegativeInfinity)]
    public void Dataset_InfiniteFeature_ThrowsNamingRowAndColumn(float bad)
    {
        float[] features = [0, 1, 2, 3, 4, 5];
        features[5] = bad;

        var exception = Assert.ThrowsExactly<ArgumentException>(() => new Dataset(features, 3, [0, 1]));

        Assert.Contains("row 1, column 2", exception.Message);
        Assert.Contains("or NaN for a missing value", exception.Message);
    }

    [TestMethod]
    public void Dataset_MissingFeature_IsKeptAndAMissingLabelIsRefused()
    {
        var data = new Dataset([0, float.NaN, 2, 3], 2, [0, 1]);
        Assert.IsTrue(float.IsNaN(data.FeatureRow(0)[1]));

        var exception = Assert.ThrowsExactly<ArgumentException>(() => new Dataset([0, 1, 2, 3], 2, [0, float.NaN]));
        Assert.Contains("label at row 1 is NaN", exception.Message);
    }

    [TestMethod]
    public void Fit_MissingFeatureWithRejectMissingFeatures_ThrowsNamingRowAndFeature()
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.RejectMissingFeatures = true;
        float[] features = new float[12];
        features[7] = float.NaN;

        var exception = Assert.ThrowsExactly<ArgumentException>(() => Quick.Fit(options, new Dataset(features, 2, [0, 1, 0, 1, 0, 1])));

        Assert.Contains("missing value (NaN) at row 3, feature 1", exception.Message);
        Assert.Contains("RejectMissingFeatures", exception.Message);
    }

    [TestMethod]
    public void Dataset_Empty_Throws()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new Dataset([], 3, []));

        Assert.Contains("empty", exception.Message);
    }

    [TestMethod]
    public void Fit_LabelBeyondClassCount_ThrowsNamingTheRow()
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.ClassCount = 3;
        var data = new Dataset(new float[12], 2, [0, 1, 2, 1, 5, 0]);

        var exception = Assert.ThrowsExactly<ArgumentException>(() => Quick.Fit(options, data));

        Assert.Contains("row 4", exception.Message);
        Assert.Contains("0 to 2", exception.Message);
    }

    [TestMethod]
    public void Fit_ValidationWithOtherFeatureCount_ThrowsNamingBothSizes()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(
            () => Quick.Fit(Quick.Options(MlpTask.MulticlassClassification), SyntheticData.Blobs(5, 2, 3, seed: 1), SyntheticData.Blobs(5, 2, 2, seed: 2)));

        Assert.AreEqual("validation", exception.ParamName);
        Assert.Contains("2 features per row but the network expects 3", exception.Message);
    }

    [TestMethod]
    [DataRow(MlpTask.BinaryClassification, 1f)]
    [DataRow(MlpTask.MulticlassClassification, 0f)]
    [DataRow(MlpTask.MulticlassClassification, 2f)]
    public void Fit_SingleClass_ThrowsSayingTwoClassesAreNeeded(MlpTask task, float label)
    {
        var options = Quick.Options(task);
        if (task == MlpTask.MulticlassClassification)
        {
            options.ClassCount = 3;
        }

        var exception = Assert.ThrowsExactly<ArgumentException>(() => Quick.Fit(options, new Dataset(new float[8], 2, [label, label, label, label])));

        Assert.Contains($"Every training label is {label}", exception.Message);
    }

    [TestMethod]
    public void Fit_BinaryLabelNotZeroOrOne_ThrowsNamingTheRow()
    {
        var exception = Assert.ThrowsExactly<ArgumentException>(
            () => Quick.Fit(Quick.Options(MlpTask.BinaryClassification), new Dataset(new float[6], 2, [0, 1, 2])));

        Assert.Contains("row 2", exception.Message);
    }

    [TestMethod]
    public void Constructor_InvalidOption_ThrowsNamingIt()
    {
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.LearningRate = 0f;

        var exception = Assert.ThrowsExactly<ArgumentException>(() => new Engine.Training.MlpTrainer(options));

        Assert.AreEqual("LearningRate", exception.ParamName);
    }
}
