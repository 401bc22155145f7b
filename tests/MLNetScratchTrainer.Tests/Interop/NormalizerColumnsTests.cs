using Microsoft.ML;
using Microsoft.ML.Transforms;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Tests.Onnx;

namespace MLNetScratchTrainer.Tests.Interop;

/// <summary>The internal normalizer members the ONNX export reads exist in this ML.NET and give the right column pairs.</summary>
[TestClass]
public sealed class NormalizerColumnsTests
{
    [TestMethod]
    public void ReadsEachOutputAndInputColumnInParameterOrder()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(OnnxRows.Create(20, seed: 1));
        var normalizer = (NormalizingTransformer)ml.Transforms.NormalizeMinMax([new InputOutputColumnPair("A2", "A"), new InputOutputColumnPair("B", "B")]).Fit(data);

        var columns = NormalizerColumns.Read(normalizer);

        CollectionAssert.AreEqual(new[] { ("A2", "A"), ("B", "B") }, columns.ToArray());
    }
}
