using System.IO.Compression;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Persistence;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Tests.Persistence;

/// <summary>
/// <c>mlContext.Model.Save</c> of a whole pipeline containing the Mlp, then <c>new MLContext().Model.Load</c>: the loaded
/// pipeline must predict exactly what the original does, through <c>Transform</c> and through a <c>PredictionEngine</c>.
/// </summary>
[TestClass]
public sealed class PersistenceTests
{
    [TestMethod]
    public void MulticlassPipelineRoundTripsThroughAFreshContext() => AssertRoundTrip<float, MulticlassPrediction>(MlpTask.MulticlassClassification);

    [TestMethod]
    public void BinaryPipelineRoundTripsThroughAFreshContext() => AssertRoundTrip<bool, BinaryPrediction>(MlpTask.BinaryClassification);

    [TestMethod]
    public void RegressionPipelineRoundTripsThroughAFreshContext() => AssertRoundTrip<float, RegressionPrediction>(MlpTask.Regression);

    [TestMethod]
    public void TextLabelsComeBackAfterLoading()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 60).Select(i => new TextLabelRow { Features = [i % 3, (i % 3) * 0.5f + 0.1f * (i % 2)], Label = ((string[])["cat", "dog", "emu"])[i % 3] }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.Mlp(FastOptions.Create(epochs: 30)))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        using var directory = new TemporaryDirectory();
        ml.Model.Save(model, data.Schema, directory.File("text.zip"));

        var loaded = new MLContext().Model.Load(directory.File("text.zip"), out _);

        var before = ml.Data.CreateEnumerable<TextLabelPrediction>(model.Transform(data), reuseRowObject: false).Select(p => p.PredictedLabel).ToList();
        var after = ml.Data.CreateEnumerable<TextLabelPrediction>(loaded.Transform(data), reuseRowObject: false).Select(p => p.PredictedLabel).ToList();
        CollectionAssert.AreEqual(before, after);
        CollectionAssert.IsSubsetOf(after.Distinct().ToList(), new[] { "cat", "dog", "emu" });
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        loaded.GetOutputSchema(data.Schema)["Score"].Annotations.GetValue("SlotNames", ref slotNames);
        CollectionAssert.AreEqual(new[] { "cat", "dog", "emu" }, slotNames.DenseValues().Select(name => name.ToString()).ToArray());
    }

    [TestMethod]
    public void ADamagedMlpEntryIsRejectedNamingTheEntry()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("damaged.zip");
        TrainAndSave(MlpTask.MulticlassClassification, path);
        string entryName = DamageMlpEntry(path);

        var error = Assert.Throws<Exception>(() => new MLContext().Model.Load(path, out _));

        var cause = error.GetBaseException();
        Assert.IsInstanceOfType<InvalidDataException>(cause);
        StringAssert.Contains(cause.Message, Path.GetDirectoryName(entryName)!.Replace('\\', '/'));
        StringAssert.Contains(cause.Message, "not a valid MLNetScratchTrainer model");
    }

    [TestMethod]
    public void AFileThatIsNotAModelIsRejected()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("garbage.zip");
        File.WriteAllText(path, "this is not a zip file");

        Assert.Throws<Exception>(() => new MLContext().Model.Load(path, out _));
    }

    [TestMethod]
    public void ModelAndHistorySurviveSaving()
    {
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, MlpTask.BinaryClassification, vectorFeatures: true);
        var model = TestPipelines.Mlp(ml, MlpTask.BinaryClassification, data, FastOptions.Create(epochs: 7)).Fit(data.Data);
        using var directory = new TemporaryDirectory();
        ml.Model.Save(model, data.Data.Schema, directory.File("history.zip"));

        var loaded = ((IEnumerable<ITransformer>)new MLContext().Model.Load(directory.File("history.zip"), out _)).OfType<MlpBinaryTransformer>().Single();
        var original = ((IEnumerable<ITransformer>)model).OfType<MlpBinaryTransformer>().Single();

        Assert.AreEqual(original.Model.Architecture.Task, loaded.Model.Architecture.Task);
        Assert.AreEqual(original.Model.InputSize, loaded.Model.InputSize);
        CollectionAssert.AreEqual(original.Model.Architecture.HiddenLayers.ToArray(), loaded.Model.Architecture.HiddenLayers.ToArray());
        Assert.HasCount(7, loaded.History.Epochs);
        CollectionAssert.AreEqual(original.History.Epochs.ToArray(), loaded.History.Epochs.ToArray());
        CollectionAssert.AreEqual(original.Model.GetTensor("dense0.weight").ToArray(), loaded.Model.GetTensor("dense0.weight").ToArray());
        Assert.AreEqual(original.FeatureColumnName, loaded.FeatureColumnName);
    }

    private static void AssertRoundTrip<TTarget, TPrediction>(MlpTask task)
        where TPrediction : class, new()
    {
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, task, vectorFeatures: true);
        var split = data.Split(ml);
        var model = TestPipelines.Mlp(ml, task, data, FastOptions.Create()).Fit(split.TrainSet);
        using var directory = new TemporaryDirectory();
        string path = directory.File("model.zip");
        ml.Model.Save(model, split.TrainSet.Schema, path);

        var fresh = new MLContext();
        var loaded = fresh.Model.Load(path, out var inputSchema);

        Assert.AreEqual(split.TrainSet.Schema["RawFeatures"].Type, inputSchema["RawFeatures"].Type);
        var expected = Predict<TPrediction>(ml, model, split.TestSet);
        CollectionAssert.AreEqual(expected, Predict<TPrediction>(fresh, loaded, split.TestSet));
        var definition = InputRows.Definition<TTarget>(data.FeatureCount);
        var engine = fresh.Model.CreatePredictionEngine<VectorRow<TTarget>, TPrediction>(loaded, inputSchemaDefinition: definition);
        var viaEngine = InputRows.Read<TTarget>(ml, split.TestSet, data.FeatureCount).Select(row => engine.Predict(row).ToString()!).ToList();
        CollectionAssert.AreEqual(expected, viaEngine);

        fresh.Model.Save(loaded, inputSchema, directory.File("saved-again.zip"));
        var reloaded = new MLContext().Model.Load(directory.File("saved-again.zip"), out _);
        CollectionAssert.AreEqual(expected, Predict<TPrediction>(fresh, reloaded, split.TestSet));
    }

    private static List<string> Predict<TPrediction>(MLContext ml, ITransformer model, IDataView data)
        where TPrediction : class, new()
        => [.. ml.Data.CreateEnumerable<TPrediction>(model.Transform(data), reuseRowObject: false).Select(prediction => prediction.ToString()!)];

    /// <summary>Flips a byte inside the weights of the engine model embedded in the Mlp's entry; returns the entry's name.</summary>
    private static string DamageMlpEntry(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        foreach (var entry in zip.Entries.ToList())
        {
            byte[] bytes;
            using (var stream = entry.Open())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            int tensors = IndexOf(bytes, Encoding.ASCII.GetBytes("tensors.bin"));
            if (IndexOf(bytes, Encoding.UTF8.GetBytes(MlpPersistence.LoaderSignature)) < 0 || tensors < 0)
            {
                continue;
            }

            bytes[tensors + 40] ^= 0x5A;
            string name = entry.FullName;
            entry.Delete();
            using (var stream = zip.CreateEntry(name).Open())
            {
                stream.Write(bytes);
            }

            return name;
        }

        throw new AssertFailedException("The saved model has no Mlp entry.");
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Trains a quick Mlp for <paramref name="task"/> on its data set (features as one vector column) and saves it to <paramref name="path"/>.</summary>
    private static void TrainAndSave(MlpTask task, string path)
    {
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, task, vectorFeatures: true);
        var model = TestPipelines.Mlp(ml, task, data, FastOptions.Create()).Fit(data.Data);
        ml.Model.Save(model, data.Data.Schema, path);
    }

    public sealed class TextLabelRow
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = string.Empty;
    }

    public sealed class TextLabelPrediction
    {
        public string PredictedLabel { get; set; } = string.Empty;
    }
}
