using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Onnx;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Onnx;

/// <summary>
/// Exported models scored by ONNX Runtime agree with the engine on 1,000 rows: every activation, dropout, batch
/// normalisation (folded into the dense layers), the linear skip, 0, 1 and 3 hidden layers, all three tasks.
/// </summary>
[TestClass]
public sealed class MlpOnnxExportTests
{
    private const int Rows = 1000;
    private const int Features = 5;

    [TestMethod]
    [DataRow(new int[0], Activation.Identity, false, 0f, false)]
    [DataRow(new int[0], Activation.Identity, false, 0f, true)]
    [DataRow(new[] { 8 }, Activation.Relu, false, 0.3f, true)]
    [DataRow(new[] { 8, 6, 5 }, Activation.LeakyRelu, true, 0f, false)]
    [DataRow(new[] { 7 }, Activation.Sigmoid, true, 0.2f, true)]
    [DataRow(new[] { 6, 5, 4 }, Activation.Tanh, false, 0f, false)]
    [DataRow(new[] { 5 }, Activation.Identity, true, 0f, false)]
    public void MulticlassProbabilitiesAndClassesMatchTheEngine(int[] hidden, Activation activation, bool batchNorm, float dropout, bool skip)
    {
        var model = RandomModels.Create(new MlpArchitecture(Features, hidden, 4, MlpTask.MulticlassClassification, activation, dropout, batchNorm, skip), seed: 11);
        float[] x = RandomValues.Uniform(Rows * Features, seed: 3, min: -2f, max: 2f);
        var onnx = Run(model, x);

        var expected = new float[Rows * 4];
        model.PredictBatch(x, expected);
        OnnxAgreement.AssertClose(expected, (float[])onnx[MlpOnnxOutputs.Probabilities], "probabilities");
        long[] classes = (long[])onnx[MlpOnnxOutputs.PredictedClass];
        for (int r = 0; r < Rows; r++)
        {
            Assert.AreEqual(model.PredictClass(x.AsSpan(r * Features, Features)), (int)classes[r], $"row {r}");
        }
    }

    [TestMethod]
    [DataRow(new int[0], Activation.Identity, false, 0f, false)]
    [DataRow(new[] { 8 }, Activation.Relu, true, 0f, true)]
    [DataRow(new[] { 8, 6, 5 }, Activation.Tanh, false, 0.4f, false)]
    [DataRow(new[] { 6 }, Activation.Sigmoid, false, 0f, true)]
    [DataRow(new[] { 6, 4, 3 }, Activation.LeakyRelu, true, 0.1f, false)]
    public void BinaryProbabilityAndScoreMatchTheEngine(int[] hidden, Activation activation, bool batchNorm, float dropout, bool skip)
    {
        var model = RandomModels.Create(new MlpArchitecture(Features, hidden, 1, MlpTask.BinaryClassification, activation, dropout, batchNorm, skip), seed: 5);
        float[] x = RandomValues.Uniform(Rows * Features, seed: 4, min: -2f, max: 2f);
        var onnx = Run(model, x);

        var probabilities = new float[Rows];
        model.PredictBatch(x, probabilities);
        var predictor = model.CreatePredictor();
        var logits = new float[Rows];
        for (int r = 0; r < Rows; r++)
        {
            predictor.PredictLogits(x.AsSpan(r * Features, Features), logits.AsSpan(r, 1));
        }

        OnnxAgreement.AssertClose(probabilities, (float[])onnx[MlpOnnxOutputs.Probability], "probability");
        OnnxAgreement.AssertClose(logits, (float[])onnx[MlpOnnxOutputs.Score], "score");
    }

    [TestMethod]
    [DataRow(new int[0], Activation.Identity, false, 0f, true, false)]
    [DataRow(new[] { 8, 6, 5 }, Activation.Relu, true, 0.2f, true, true)]
    [DataRow(new[] { 6 }, Activation.Tanh, false, 0f, false, false)]
    [DataRow(new[] { 6 }, Activation.Sigmoid, true, 0f, true, false)]
    [DataRow(new[] { 5 }, Activation.LeakyRelu, false, 0.3f, false, true)]
    public void RegressionValuesMatchTheEngineIncludingTargetScaling(int[] hidden, Activation activation, bool batchNorm, float dropout, bool scaled, bool skip)
    {
        var scaling = scaled ? new TargetScaling([3f], [2f]) : null;
        var model = RandomModels.Create(new MlpArchitecture(Features, hidden, 1, MlpTask.Regression, activation, dropout, batchNorm, skip), seed: 7, scaling);
        float[] x = RandomValues.Uniform(Rows * Features, seed: 5, min: -2f, max: 2f);
        var onnx = Run(model, x);

        var expected = new float[Rows];
        model.PredictBatch(x, expected);
        OnnxAgreement.AssertClose(expected, (float[])onnx[MlpOnnxOutputs.Value], "value");
    }

    [TestMethod]
    public void RegressionWithSeveralTargetsKeepsOneColumnPerTarget()
    {
        var model = RandomModels.Create(new MlpArchitecture(Features, [6], 2, MlpTask.Regression), seed: 2, new TargetScaling([1f, -4f], [0.5f, 3f]));
        float[] x = RandomValues.Uniform(Rows * Features, seed: 6);
        using var runner = new OnnxRunner(MlpOnnxExport.ToBytes(model));
        var expected = new float[Rows * 2];
        model.PredictBatch(x, expected);

        OnnxAgreement.AssertClose(expected, (float[])runner.Run("features", x, Features)[MlpOnnxOutputs.Value], "values");
        CollectionAssert.AreEqual(new[] { -1, 2 }, runner.OutputShape(MlpOnnxOutputs.Value));
    }

    [TestMethod]
    public void TrainedModelAgreesOnEveryRow()
    {
        var data = SyntheticData.Blobs(rowsPerClass: 350, classes: 3, features: 4, seed: 9);
        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.HiddenLayers = [12, 8];
        options.BatchNormalization = true;
        options.DropoutRate = 0.2f;
        options.NumberOfEpochs = 5;
        var model = Quick.Fit(options, data);
        float[] x = data.Features;
        using var runner = new OnnxRunner(MlpOnnxExport.ToBytes(model));
        var onnx = runner.Run("features", x, 4);

        var expected = new float[data.Count * 3];
        model.PredictBatch(x, expected);
        OnnxAgreement.AssertClose(expected, (float[])onnx[MlpOnnxOutputs.Probabilities], "probabilities");
        long[] classes = (long[])onnx[MlpOnnxOutputs.PredictedClass];
        Assert.IsTrue(Enumerable.Range(0, data.Count).All(r => classes[r] == model.PredictClass(data.FeatureRow(r))));
    }

    [TestMethod]
    public void FileDescribesItselfAndHasASymbolicBatchDimension()
    {
        var model = RandomModels.Create(new MlpArchitecture(3, [4], 3, MlpTask.MulticlassClassification), seed: 1);
        var options = new MlpOnnxExportOptions { InputName = "x", FeatureNames = ["a", "b", "c"], ClassNames = ["red", "green", "blue"] };
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "sub", "model.onnx");
        MlpOnnxExport.Save(model, path, options);

        using var runner = new OnnxRunner(path);
        var metadata = runner.Session.ModelMetadata;
        Assert.AreEqual(MlpOnnxExport.ProducerName, metadata.ProducerName);
        Assert.AreEqual("a,b,c", metadata.CustomMetadataMap["feature_names"]);
        Assert.AreEqual("red,green,blue", metadata.CustomMetadataMap["class_names"]);
        Assert.AreEqual("MulticlassClassification", metadata.CustomMetadataMap["task"]);
        CollectionAssert.AreEqual(new[] { -1, 3 }, runner.Session.InputMetadata["x"].Dimensions);
        CollectionAssert.AreEqual(new[] { -1, 3 }, runner.OutputShape(MlpOnnxOutputs.Probabilities));
        CollectionAssert.AreEqual(new[] { -1 }, runner.OutputShape(MlpOnnxOutputs.PredictedClass));
        Assert.HasCount(2, (long[])runner.Run("x", new float[6], 3)[MlpOnnxOutputs.PredictedClass], "two rows in, two classes out");
    }

    [TestMethod]
    public void BatchNormIsFoldedAndDropoutLeavesNoOperator()
    {
        var model = RandomModels.Create(new MlpArchitecture(3, [4, 4], 1, MlpTask.BinaryClassification, Activation.Relu, dropoutRate: 0.5f, batchNormalization: true), seed: 1);
        var graph = new OnnxGraph();
        MlpOnnxNetwork.Append(graph, model, graph.AddInput("features", OnnxElementType.Float, 3));

        CollectionAssert.AreEqual(new[] { "Gemm", "Relu", "Gemm", "Relu", "Gemm", "Sigmoid" }, graph.Nodes.Select(n => n.OpType).ToArray());
        Assert.IsTrue(graph.Initializers.All(i => i.ElementType == OnnxElementType.Float));
    }

    [TestMethod]
    public void LinearSkipIsAMatMulOfTheNetworkInputAddedToTheLogits()
    {
        var model = RandomModels.Create(new MlpArchitecture(3, [4], 1, MlpTask.BinaryClassification, Activation.Relu, linearSkip: true), seed: 1);
        var graph = new OnnxGraph();
        string input = graph.AddInput("features", OnnxElementType.Float, 3);
        MlpOnnxNetwork.Append(graph, model, input);

        CollectionAssert.AreEqual(new[] { "Gemm", "Relu", "Gemm", "MatMul", "Add", "Sigmoid" }, graph.Nodes.Select(n => n.OpType).ToArray());
        CollectionAssert.AreEqual(new[] { input, "skip.weight" }, graph.Nodes.Single(n => n.OpType == "MatMul").Inputs.ToArray());
        CollectionAssert.AreEqual(model.GetTensor("skip.weight").ToArray(), graph.Initializers.Single(i => i.Name == "skip.weight").Floats!);
    }

    [TestMethod]
    public void TrainedModelWithPreprocessingMissingValuesAndLinearSkipAgreesOnEveryRow()
    {
        // The skip reads the preprocessed input, missing-value indicators included: the MatMul must take the
        // preprocessing's output, not the raw features.
        var data = SyntheticData.Blobs(rowsPerClass: 100, classes: 3, features: 4, seed: 3);
        float[] x = data.Features;
        for (int i = 0; i < x.Length; i += 7)
        {
            x[i] = float.NaN;
        }

        var options = Quick.Options(MlpTask.MulticlassClassification);
        options.InputScaling = InputScaling.Robust;
        options.LinearSkip = true;
        options.NumberOfEpochs = 5;
        var model = Quick.Fit(options, data);
        using var runner = new OnnxRunner(MlpOnnxExport.ToBytes(model));
        var onnx = runner.Run("features", x, 4);

        var expected = new float[data.Count * 3];
        model.PredictBatch(x, expected);
        Assert.IsTrue(model.GetTensor("skip.weight").ToArray().Any(w => w != 0f), "the skip was trained");
        Assert.IsGreaterThan(4, model.Architecture.InputSize, "missing-value indicators were added");
        OnnxAgreement.AssertClose(expected, (float[])onnx[MlpOnnxOutputs.Probabilities], "probabilities");
    }

    private static Dictionary<string, Array> Run(MlpModel model, float[] x)
    {
        using var runner = new OnnxRunner(MlpOnnxExport.ToBytes(model));
        return runner.Run("features", x, Features);
    }
}
