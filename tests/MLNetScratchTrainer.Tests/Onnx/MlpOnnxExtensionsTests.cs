using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Onnx;
using MLNetScratchTrainer.Engine.Tests.Onnx;
using MLNetScratchTrainer.Onnx;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Tests.Onnx;

/// <summary>
/// Whole fitted pipelines (Concatenate → affine normalizers → Mlp) exported to ONNX and scored by ONNX Runtime on the raw
/// features agree with the pipeline's own columns on 1,200 rows, for each task.
/// </summary>
[TestClass]
public sealed class MlpOnnxExtensionsTests
{
    private const int Rows = 1200;

    [TestMethod]
    public void MulticlassPipelineMatchesScoreAndPredictedLabel()
    {
        var ml = new MLContext(seed: 1);
        var rows = OnnxRows.Create(Rows, seed: 1);
        var data = OnnxRows.Load(ml, rows);
        var options = Options([8, 6, 5], Activation.LeakyRelu, batchNorm: true, dropout: 0.1f);
        var model = ml.Transforms.Conversion.MapValueToKey("Label", nameof(OnnxRow.Colour))
            .Append(ml.Transforms.Concatenate("Features", OnnxRow.FeatureNames))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.MulticlassClassification.Trainers.Mlp(options))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(data);
        var scored = model.Transform(data);

        using var runner = new OnnxRunner(ml.Model.ExportMlpToOnnx(model, data.Schema));
        var onnx = runner.Run("Features", OnnxRows.Features(rows), OnnxRow.FeatureNames.Length);

        float[] expected = [.. scored.GetColumn<float[]>("Score").SelectMany(s => s)];
        OnnxAgreement.AssertClose(expected, (float[])onnx[MlpOnnxOutputs.Probabilities], "probabilities");
        string[] classNames = runner.Session.ModelMetadata.CustomMetadataMap["class_names"].Split(',');
        string[] predicted = [.. ((long[])onnx[MlpOnnxOutputs.PredictedClass]).Select(k => classNames[k])];
        CollectionAssert.AreEqual(scored.GetColumn<string>("PredictedLabel").ToArray(), predicted);
        Assert.AreEqual("A,B,C,D,E", runner.Session.ModelMetadata.CustomMetadataMap["feature_names"]);
    }

    [TestMethod]
    public void BinaryPipelineMatchesScoreAndProbability()
    {
        var ml = new MLContext(seed: 1);
        var rows = OnnxRows.Create(Rows, seed: 2);
        var data = OnnxRows.Load(ml, rows);
        var options = Options([], Activation.Identity, batchNorm: false, dropout: 0f, label: nameof(OnnxRow.Positive));
        options.LinearSkip = true;
        var model = ml.Transforms.Concatenate("Features", OnnxRow.FeatureNames)
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.BinaryClassification.Trainers.Mlp(options))
            .Fit(data);
        var scored = model.Transform(data);

        using var runner = new OnnxRunner(ml.Model.ExportMlpToOnnx(model, data.Schema));
        var onnx = runner.Run("Features", OnnxRows.Features(rows), OnnxRow.FeatureNames.Length);

        OnnxAgreement.AssertClose(scored.GetColumn<float>("Score").ToArray(), (float[])onnx[MlpOnnxOutputs.Score], "score");
        OnnxAgreement.AssertClose(scored.GetColumn<float>("Probability").ToArray(), (float[])onnx[MlpOnnxOutputs.Probability], "probability");
    }

    [TestMethod]
    public void RegressionPipelineWithTwoNormalizersMatchesScore()
    {
        var ml = new MLContext(seed: 1);
        var rows = OnnxRows.Create(Rows, seed: 3);
        var data = OnnxRows.Load(ml, rows);
        var options = Options([6], Activation.Tanh, batchNorm: false, dropout: 0.2f, label: nameof(OnnxRow.Target));
        options.LinearSkip = true;
        var model = ml.Transforms.Concatenate("Raw", OnnxRow.FeatureNames)
            .Append(ml.Transforms.NormalizeMinMax("Scaled", "Raw"))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", "Scaled"))
            .Append(ml.Regression.Trainers.Mlp(options))
            .Fit(data);
        var scored = model.Transform(data);

        using var runner = new OnnxRunner(ml.Model.ExportMlpToOnnx(model, data.Schema));
        var onnx = runner.Run("Raw", OnnxRows.Features(rows), OnnxRow.FeatureNames.Length);

        OnnxAgreement.AssertClose(scored.GetColumn<float>("Score").ToArray(), (float[])onnx[MlpOnnxOutputs.Value], "value");
    }

    [TestMethod]
    public void TransformerAloneTakesTheFeaturesItReads()
    {
        var ml = new MLContext(seed: 1);
        var rows = OnnxRows.Create(Rows, seed: 4);
        var features = ml.Transforms.Concatenate("Features", OnnxRow.FeatureNames).Append(ml.Transforms.NormalizeMinMax("Features")).Fit(OnnxRows.Load(ml, rows));
        var normalized = features.Transform(OnnxRows.Load(ml, rows));
        var mlp = ml.Regression.Trainers.Mlp(Options([4], Activation.Sigmoid, batchNorm: true, dropout: 0f, label: nameof(OnnxRow.Target))).Fit(normalized);
        float[] x = [.. normalized.GetColumn<float[]>("Features").SelectMany(f => f)];

        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "mlp.onnx");
        mlp.ExportToOnnx(path);
        using var runner = new OnnxRunner(path);

        OnnxAgreement.AssertClose(mlp.Transform(normalized).GetColumn<float>("Score").ToArray(), (float[])runner.Run("Features", x, 5)[MlpOnnxOutputs.Value], "value");
    }

    [TestMethod]
    public void NonAffineNormalizerIsNamedInTheError()
    {
        string message = ExportError(ml => ml.Transforms.NormalizeBinning("Features"));
        StringAssert.Contains(message, "BinNormalizerModelParameters");
    }

    [TestMethod]
    public void OtherTransformOnTheFeaturePathIsNamedInTheError()
    {
        string message = ExportError(ml => ml.Transforms.ReplaceMissingValues("Features"));
        StringAssert.Contains(message, "MissingValueReplacingTransformer");
        StringAssert.Contains(message, "'Features'");
    }

    [TestMethod]
    public void PipelineWithoutMlpIsRejected()
    {
        var ml = new MLContext(seed: 1);
        var data = OnnxRows.Load(ml, OnnxRows.Create(50, seed: 7));
        var model = ml.Transforms.Concatenate("Features", OnnxRow.FeatureNames).Fit(data);

        var error = Assert.ThrowsExactly<NotSupportedException>(() => ml.Model.ExportMlpToOnnx(model, data.Schema));
        StringAssert.Contains(error.Message, "exactly one Mlp");
    }

    /// <summary>The message of the export of Concatenate → <paramref name="step"/> → Mlp, which must fail.</summary>
    private static string ExportError(Func<MLContext, IEstimator<ITransformer>> step)
    {
        var ml = new MLContext(seed: 1);
        var data = OnnxRows.Load(ml, OnnxRows.Create(200, seed: 5));
        var model = ml.Transforms.Concatenate("Features", OnnxRow.FeatureNames)
            .Append(step(ml))
            .Append(ml.Regression.Trainers.Mlp(Options([4], Activation.Relu, false, 0f, nameof(OnnxRow.Target), epochs: 1)))
            .Fit(data);
        return Assert.ThrowsExactly<NotSupportedException>(() => ml.Model.ExportMlpToOnnx(model, data.Schema)).Message;
    }

    internal static MlpOptions Options(int[] hidden, Activation activation, bool batchNorm, float dropout, string label = "Label", int epochs = 3) => new()
    {
        LabelColumnName = label,
        HiddenLayers = hidden,
        Activation = activation,
        BatchNormalization = batchNorm,
        DropoutRate = dropout,
        NumberOfEpochs = epochs,
        Seed = 1,
        NumberOfThreads = 1,
    };
}
