using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLNetScratchTrainer.Engine.Onnx;
using MLNetScratchTrainer.Engine.Tests.Onnx;
using MLNetScratchTrainer.Onnx;

namespace MLNetScratchTrainer.Tests.Onnx;

/// <summary>The exported file inside ML.NET (ApplyOnnxModel), and ML.NET's own ConvertToOnnx on Mlp pipelines.</summary>
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
    /// ML.NET's own converter on the README's pipeline shape (MapValueToKey → Concatenate → NormalizeMinMax → Mlp →
    /// MapKeyToValue): the file it writes contains the Mlp (it used to leave it out silently and expect Score as an input),
    /// and ONNX Runtime reproduces the pipeline's Score and PredictedLabel columns from the raw input columns.
    /// </summary>
    [TestMethod]
    public void ConvertToOnnxIncludesTheMulticlassMlp()
    {
        var ml = new MLContext(seed: 1);
        var rows = OnnxRows.Create(Rows, seed: 13);
        var data = OnnxRows.Load(ml, rows);
        var (pipeline, _) = Fit(ml, data, ml.MulticlassClassification.Trainers.Mlp(MlpOnnxExtensionsTests.Options([6, 5, 4], Activation.Tanh, batchNorm: true, dropout: 0.1f)), "Label", ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var scored = pipeline.Transform(data);

        var outputs = RunConverted(ml, pipeline, data, rows);

        Assert.DoesNotContain("Score", outputs.Inputs, "the Mlp's Score is computed, not read from an input");
        OnnxAgreement.AssertClose([.. scored.GetColumn<float[]>("Score").SelectMany(s => s)], (float[])outputs.Values["Score.output"], "Score");
        CollectionAssert.AreEqual(scored.GetColumn<string>("PredictedLabel").ToArray(), (string[])outputs.Values["PredictedLabel.output"]);
    }

    [TestMethod]
    public void ConvertToOnnxIncludesTheBinaryAndRegressionMlps()
    {
        var ml = new MLContext(seed: 1);
        var rows = OnnxRows.Create(Rows, seed: 14);
        var data = OnnxRows.Load(ml, rows);
        var binaryOptions = MlpOnnxExtensionsTests.Options([5], Activation.LeakyRelu, false, 0f, nameof(OnnxRow.Positive));
        binaryOptions.LinearSkip = true;
        var (binary, _) = Fit(ml, data, ml.BinaryClassification.Trainers.Mlp(binaryOptions), nameof(OnnxRow.Positive));
        var (regression, _) = Fit(ml, data, ml.Regression.Trainers.Mlp(MlpOnnxExtensionsTests.Options([], Activation.Identity, false, 0f, nameof(OnnxRow.Target))), nameof(OnnxRow.Target));

        var binaryOutputs = RunConverted(ml, binary, data, rows).Values;
        var regressionOutputs = RunConverted(ml, regression, data, rows).Values;

        var scored = binary.Transform(data);
        OnnxAgreement.AssertClose(scored.GetColumn<float>("Score").ToArray(), (float[])binaryOutputs["Score.output"], "binary Score");
        OnnxAgreement.AssertClose(scored.GetColumn<float>("Probability").ToArray(), (float[])binaryOutputs["Probability.output"], "Probability");
        CollectionAssert.AreEqual(scored.GetColumn<bool>("PredictedLabel").ToArray(), (bool[])binaryOutputs["PredictedLabel.output"]);
        OnnxAgreement.AssertClose(regression.Transform(data).GetColumn<float>("Score").ToArray(), (float[])regressionOutputs["Score.output"], "regression Score");
    }

    /// <summary>Converts with ML.NET's ConvertToOnnx and runs the file with ONNX Runtime, each input column fed from the rows.</summary>
    private static (HashSet<string> Inputs, Dictionary<string, Array> Values) RunConverted(MLContext ml, ITransformer model, IDataView data, OnnxRow[] rows)
    {
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, data, stream);
        using var session = new InferenceSession(stream.ToArray());
        var inputs = session.InputMetadata.Keys.Select(name =>
        {
            object[] values = [.. rows.Select(r => typeof(OnnxRow).GetProperty(name)!.GetValue(r)!)];
            return values[0] switch
            {
                float => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(values.Cast<float>().ToArray(), [rows.Length, 1])),
                bool => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<bool>(values.Cast<bool>().ToArray(), [rows.Length, 1])),
                _ => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(values.Cast<string>().ToArray(), [rows.Length, 1])),
            };
        }).ToList();
        using var results = session.Run(inputs);
        var outputs = results.ToDictionary(r => r.Name, r => r.Value switch
        {
            Tensor<float> t => (Array)t.ToArray(),
            Tensor<bool> t => t.ToArray(),
            Tensor<string> t => t.ToArray(),
            Tensor<uint> t => t.ToArray(),
            Tensor<long> t => t.ToArray(),
            _ => Array.Empty<object>(),
        });
        return ([.. session.InputMetadata.Keys], outputs);
    }

    /// <summary>Fits label → Concatenate → NormalizeMinMax → <paramref name="trainer"/> (→ <paramref name="after"/>); returns the model and the feature part alone.</summary>
    private static (ITransformer Model, IEstimator<ITransformer> Features) Fit(MLContext ml, IDataView data, IEstimator<ITransformer> trainer, string label, IEstimator<ITransformer>? after = null)
    {
        IEstimator<ITransformer> features = ml.Transforms.Concatenate("Features", OnnxRow.FeatureNames);
        IEstimator<ITransformer> labelStep = label == "Label" ? ml.Transforms.Conversion.MapValueToKey("Label", nameof(OnnxRow.Colour)) : ml.Transforms.CopyColumns("Copy", label);
        var estimator = labelStep.Append(features).Append(ml.Transforms.NormalizeMinMax("Features")).Append(trainer);
        ITransformer model = after is null ? estimator.Fit(data) : estimator.Append(after).Fit(data);
        return (model, features);
    }
}
