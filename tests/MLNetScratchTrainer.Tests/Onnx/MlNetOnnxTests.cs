using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Onnx;
using MLNetScratchTrainer.Engine.Tests.Onnx;
using MLNetScratchTrainer.Onnx;

namespace MLNetScratchTrainer.Tests.Onnx;

/// <summary>The exported file inside ML.NET (ApplyOnnxModel), and what ML.NET's own ConvertToOnnx does with an Mlp pipeline.</summary>
[TestClass]
public sealed class MlNetOnnxTests
{
    private const int Rows = 1000;

    [TestMethod]
    public void ApplyOnnxModelReproducesTheMulticlassPipeline()
    {
        var ml = new MLContext(seed: 1);
        var data = OnnxRows.Load(ml, OnnxRows.Create(Rows, seed: 11));
        var (model, features) = Fit(ml, data, ml.MulticlassClassification.Trainers.Mlp(MlpOnnxExtensionsTests.Options([8], Activation.Relu, batchNorm: true, dropout: 0.2f)), "Label");
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "multiclass.onnx");
        ml.Model.ExportMlpToOnnx(model, data.Schema, path);

        var applied = features.Append(ml.Transforms.ApplyOnnxModel([MlpOnnxOutputs.Probabilities, MlpOnnxOutputs.PredictedClass], ["Features"], path)).Fit(data).Transform(data);
        var scored = model.Transform(data);

        float[] expected = [.. scored.GetColumn<float[]>("Score").SelectMany(s => s)];
        OnnxAgreement.AssertClose(expected, [.. applied.GetColumn<float[]>(MlpOnnxOutputs.Probabilities).SelectMany(p => p)], "probabilities");
        long[] classes = [.. applied.GetColumn<long[]>(MlpOnnxOutputs.PredictedClass).SelectMany(c => c)];
        uint[] keys = [.. scored.GetColumn<uint>("PredictedLabel")];
        CollectionAssert.AreEqual(keys.Select(k => (long)k - 1).ToArray(), classes);
    }

    [TestMethod]
    public void ApplyOnnxModelReproducesTheRegressionPipeline()
    {
        var ml = new MLContext(seed: 1);
        var data = OnnxRows.Load(ml, OnnxRows.Create(Rows, seed: 12));
        var (model, features) = Fit(ml, data, ml.Regression.Trainers.Mlp(MlpOnnxExtensionsTests.Options([5, 4, 3], Activation.Sigmoid, batchNorm: false, dropout: 0f, nameof(OnnxRow.Target))), nameof(OnnxRow.Target));
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "regression.onnx");
        ml.Model.ExportMlpToOnnx(model, data.Schema, path);

        var applied = features.Append(ml.Transforms.ApplyOnnxModel([MlpOnnxOutputs.Value], ["Features"], path)).Fit(data).Transform(data);

        OnnxAgreement.AssertClose(
            model.Transform(data).GetColumn<float>("Score").ToArray(),
            [.. applied.GetColumn<float[]>(MlpOnnxOutputs.Value).SelectMany(v => v)],
            "value");
    }

    /// <summary>
    /// The trap docs/onnx.md warns about: ML.NET's converter cannot see the Mlp (its ONNX interfaces are internal), so the
    /// file it writes asks for the Mlp's Score as an input instead of computing it. If this test fails, ML.NET has changed
    /// and the warning in docs/onnx.md must be revisited.
    /// </summary>
    [TestMethod]
    public void ConvertToOnnxLeavesTheMlpOutAndExpectsScoreAsAnInput()
    {
        var ml = new MLContext(seed: 1);
        var data = OnnxRows.Load(ml, OnnxRows.Create(100, seed: 13));
        var (model, _) = Fit(ml, data, ml.MulticlassClassification.Trainers.Mlp(MlpOnnxExtensionsTests.Options([4], Activation.Relu, false, 0f, epochs: 1)), "Label");
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, data, stream);

        using var runner = new OnnxRunner(stream.ToArray());

        Assert.IsTrue(runner.Session.InputMetadata.ContainsKey("Score"), "ML.NET's file takes Score as an input: the Mlp is not in it");
        using var ours = new OnnxRunner(ml.Model.ExportMlpToOnnx(model, data.Schema));
        CollectionAssert.AreEqual(new[] { "Features" }, ours.Session.InputMetadata.Keys.ToArray(), "the plugin's export takes only the raw features");
    }

    /// <summary>Fits label → Concatenate → NormalizeMinMax → <paramref name="trainer"/>; returns the model and the feature part alone.</summary>
    private static (ITransformer Model, IEstimator<ITransformer> Features) Fit(MLContext ml, IDataView data, IEstimator<ITransformer> trainer, string label)
    {
        IEstimator<ITransformer> features = ml.Transforms.Concatenate("Features", OnnxRow.FeatureNames);
        IEstimator<ITransformer> labelStep = label == "Label" ? ml.Transforms.Conversion.MapValueToKey("Label", nameof(OnnxRow.Colour)) : ml.Transforms.CopyColumns("Copy", label);
        var model = labelStep.Append(features).Append(ml.Transforms.NormalizeMinMax("Features")).Append(trainer).Fit(data);
        return (model, features);
    }
}
