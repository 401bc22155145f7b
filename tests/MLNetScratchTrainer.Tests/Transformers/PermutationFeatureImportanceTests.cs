using Microsoft.ML;
using MLNetScratchTrainer.Tests.Data;
using static MLNetScratchTrainer.Engine.Models.MlpTask;

namespace MLNetScratchTrainer.Tests.Transformers;

/// <summary>
/// <c>mlContext./// <c>mlContext.&lt;Task&gt;.PermutationFeatureImportance(model, data)</c> on a wholelt;Task/// <c>mlContext.&lt;Task&gt;.PermutationFeatureImportance(model, data)</c> on a wholegt;.PermutationFeatureImportance(model, data)</c> (binary: <c>…NonCalibrated</c>, the only binary overload that takes a pipeline) on a whole fitted pipeline ending in the Mlp (the
/// overload ML.NET's documentation leads with), on data where one feature decides the label and another is noise:
/// shuffling the first must ruin the model's metric, shuffling the noise must leave it about where it was.
/// </summary>
[TestClass]
public sealed class PermutationFeatureImportanceTests
{
    private const int Rows = 400;

    [TestMethod]
    public void MulticlassSignalMattersAndNoiseDoesNot()
    {
        var ml = new MLContext(seed: 1);
        var (model, scored) = Fit(ml, MulticlassClassification);

        var importance = ml.MulticlassClassification.PermutationFeatureImportance(model, scored, permutationCount: 1);

        Report("multiclass macro accuracy", importance["Signal"].MacroAccuracy.Mean, importance["Noise"].MacroAccuracy.Mean);
        Assert.IsLessThan(-0.3, importance["Signal"].MacroAccuracy.Mean, "accuracy falls from about 1 to about 1/3");
        Assert.IsLessThan(0.03, Math.Abs(importance["Noise"].MacroAccuracy.Mean));
    }

    [TestMethod]
    public void BinarySignalMattersAndNoiseDoesNot()
    {
        var ml = new MLContext(seed: 1);
        var (model, scored) = Fit(ml, BinaryClassification);

        var importance = ml.BinaryClassification.PermutationFeatureImportanceNonCalibrated(model, scored, labelColumnName: "Positive", permutationCount: 1);

        Report("binary AUC", importance["Signal"].AreaUnderRocCurve.Mean, importance["Noise"].AreaUnderRocCurve.Mean);
        Assert.IsLessThan(-0.3, importance["Signal"].AreaUnderRocCurve.Mean, "AUC falls from about 1 to about 1/2");
        Assert.IsLessThan(0.03, Math.Abs(importance["Noise"].AreaUnderRocCurve.Mean));
    }

    [TestMethod]
    public void RegressionSignalMattersAndNoiseDoesNot()
    {
        var ml = new MLContext(seed: 1);
        var (model, scored) = Fit(ml, Regression);

        var importance = ml.Regression.PermutationFeatureImportance(model, scored, labelColumnName: "Value", permutationCount: 1);

        Report("regression R²", importance["Signal"].RSquared.Mean, importance["Noise"].RSquared.Mean);
        Assert.IsLessThan(-1.0, importance["Signal"].RSquared.Mean, "R² falls from about 1 to about -1");
        Assert.IsLessThan(0.03, Math.Abs(importance["Noise"].RSquared.Mean));
    }

    /// <summary>Prints the figures (shown with <c>--logger "console;verbosity=detailed"</c>).</summary>
    private static void Report(string metric, double signal, double noise)
        => Console.WriteLine($"PFI, change of {metric}: Signal {signal:F3}, Noise {noise:F3}");

    /// <summary>The fitted pipeline and, as ML.NET's documentation passes it, the data it has transformed.</summary>
    private static (ITransformer Model, IDataView Scored) Fit(MLContext ml, Engine.Models.MlpTask task)
    {
        var data = SignalAndNoiseRow.Generate(ml, Rows);
        var model = SignalAndNoiseRow.Pipeline(ml, task).Fit(data);
        return (model, model.Transform(data));
    }
}
