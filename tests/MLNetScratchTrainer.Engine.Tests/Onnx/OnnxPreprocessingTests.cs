using MLNetScratchTrainer.Engine.Onnx;
using MLNetScratchTrainer.Engine.Tests.Support;

namespace MLNetScratchTrainer.Engine.Tests.Onnx;

/// <summary>The preprocessing fragment scored by ONNX Runtime against a direct C# reading of its contract, NaNs included.</summary>
[TestClass]
public sealed class OnnxPreprocessingTests
{
    private const int Rows = 1000;
    private const int Features = 4;

    [TestMethod]
    [DataRow(2.5f, new[] { 0, 3 })]
    [DataRow(null, new[] { 1 })]
    [DataRow(1f, new int[0])]
    [DataRow(null, new int[0])]
    public void OnnxRuntimeMatchesTheReference(float? clipBound, int[] indicators)
    {
        var preprocessing = new OnnxPreprocessing([0.5f, -1f, 0f, 2f], [1f, 0f, -2f, 0.25f], [0.5f, 2f, 1.5f, 3f], clipBound, indicators);
        float[] x = WithMissingValues(RandomValues.Uniform(Rows * Features, seed: 8, min: -4f, max: 4f));
        var graph = new OnnxGraph();
        string output = preprocessing.AppendTo(graph, graph.AddInput("features", OnnxElementType.Float, Features));
        graph.AddOutput(OnnxValue.Rows(output, OnnxElementType.Float, preprocessing.OutputSize));
        using var runner = new OnnxRunner(OnnxModelFile.ToBytes(graph, new OnnxModelInfo("test", "1", string.Empty, new Dictionary<string, string>())));

        float[] actual = (float[])runner.Run("features", x, Features)[output];

        OnnxAgreement.AssertClose(Reference(preprocessing, x), actual, "preprocessed");
        Assert.IsTrue(actual.All(float.IsFinite), "no NaN survives the fill");
    }

    [TestMethod]
    public void ClipKeepsValuesBelowTheBound()
    {
        var preprocessing = new OnnxPreprocessing([0f], [0f], [1f], 2f, []);
        float[] reference = Reference(preprocessing, [1000f, -1000f, 0f]);

        Assert.IsTrue(reference.All(z => MathF.Abs(z) < 2f));
        Assert.AreEqual(0f, reference[2]);
    }

    [TestMethod]
    public void InconsistentArraysAreRejectedWithTheirLengths()
    {
        var graph = new OnnxGraph();
        string input = graph.AddInput("features", OnnxElementType.Float, 2);
        var error = Assert.ThrowsExactly<ArgumentException>(() => new OnnxPreprocessing([0f, 0f], [0f], [1f, 1f], null, []).AppendTo(graph, input));
        StringAssert.Contains(error.Message, "1 centers");
        Assert.ThrowsExactly<ArgumentException>(() => new OnnxPreprocessing([0f], [0f], [1f], null, [1]).AppendTo(graph, input));
        Assert.ThrowsExactly<ArgumentException>(() => new OnnxPreprocessing([0f], [0f], [1f], 0f, []).AppendTo(graph, input));
    }

    /// <summary>The contract, feature by feature, in float arithmetic.</summary>
    private static float[] Reference(OnnxPreprocessing p, float[] x)
    {
        int width = p.InputSize, rows = x.Length / width;
        var output = new float[rows * p.OutputSize];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < width; j++)
            {
                float raw = x[(r * width) + j];
                float z = ((float.IsNaN(raw) ? p.Fill[j] : raw) - p.Center[j]) * p.Scale[j];
                if (p.ClipBound is float c)
                {
                    float ratio = z / c;
                    z /= MathF.Sqrt(1f + (ratio * ratio));
                }

                output[(r * p.OutputSize) + j] = z;
            }

            for (int k = 0; k < p.MissingIndicatorFeatures.Length; k++)
            {
                output[(r * p.OutputSize) + width + k] = float.IsNaN(x[(r * width) + p.MissingIndicatorFeatures[k]]) ? 1f : 0f;
            }
        }

        return output;
    }

    /// <summary>Every seventh value replaced by NaN.</summary>
    private static float[] WithMissingValues(float[] x)
    {
        for (int i = 0; i < x.Length; i += 7)
        {
            x[i] = float.NaN;
        }

        return x;
    }
}
