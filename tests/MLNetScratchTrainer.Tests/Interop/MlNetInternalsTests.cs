using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Persistence;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Tests.Interop;

/// <summary>
/// Touches every ML.NET internal the plugin relies on (see <see cref="MlNetInternals"/>), so that an ML.NET version
/// without one fails here, with a message naming it, rather than in a user's training, save or load.
/// </summary>
[TestClass]
public sealed class MlNetInternalsTests
{
    [TestMethod]
    public void EveryCatalogYieldsItsEnvironment()
    {
        var ml = new MLContext(seed: 1);

        Assert.IsNotNull(MlNetInternals.GetEnvironment(ml.MulticlassClassification.Trainers));
        Assert.IsNotNull(MlNetInternals.GetEnvironment(ml.BinaryClassification.Trainers));
        Assert.IsNotNull(MlNetInternals.GetEnvironment(ml.Regression.Trainers));
    }

    [TestMethod]
    public void ColumnShapesCanBeBuilt()
    {
        var annotations = new SchemaShape([MlNetInternals.CreateColumnShape("SlotNames", SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, isKey: false)]);

        var column = MlNetInternals.CreateColumnShape("Score", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false, annotations);

        Assert.AreEqual("Score", column.Name);
        Assert.AreEqual(SchemaShape.Column.VectorKind.Vector, column.Kind);
        Assert.AreEqual("SlotNames", column.Annotations.Single().Name);
    }

    [TestMethod]
    public void TheShippedLoaderAssemblyRegistersTheMlpLoader()
    {
        var loader = Assembly.Load(LoaderAssembly.Name);

        new MLContext().ComponentCatalog.RegisterAssembly(loader);

        // The attribute is internal to Microsoft.ML.Core; the runtime instantiates it only thanks to IgnoresAccessChecksTo.
        var loadableClass = loader.GetCustomAttributes().Single(attribute => attribute.GetType().FullName == "Microsoft.ML.LoadableClassAttribute");
        var loadNames = (string[])loadableClass.GetType().GetProperty("LoadNames")!.GetValue(loadableClass)!;
        CollectionAssert.AreEqual(new[] { MlpPersistence.LoaderSignature }, loadNames);
        Assert.AreEqual(Path.GetDirectoryName(typeof(MlpPersistence).Assembly.Location), Path.GetDirectoryName(loader.Location), "shipped beside the plugin");
    }

    [TestMethod]
    public void TheLoaderAssemblyCanBeWrittenAgainstThisMlNet()
    {
        // What the build does: an ML.NET without one of the internals fails here with a MissingMemberException naming it.
        using var directory = new TemporaryDirectory();
        string first = directory.File("first.dll");
        string second = directory.File("second.dll");

        LoaderAssemblyWriter.Write(first);
        LoaderAssemblyWriter.Write(second);

        CollectionAssert.AreEqual(File.ReadAllBytes(first), File.ReadAllBytes(second), "the same plugin gives the same bytes");
        CollectionAssert.AreEqual(File.ReadAllBytes(first), File.ReadAllBytes(Assembly.Load(LoaderAssembly.Name).Location), "the shipped assembly is up to date");
    }

    [TestMethod]
    public void FittedAndLoadedTransformersAreMlNetPredictionTransformers()
    {
        var singleFeature = MlNetInternals.SingleFeaturePredictionTransformerInterface;
        var ml = new MLContext(seed: 1);
        var data = TestPipelines.Load(ml, MlpTask.Regression, vectorFeatures: true);
        var fitted = ((IEnumerable<ITransformer>)TestPipelines.Mlp(ml, MlpTask.Regression, data, FastOptions.Create(epochs: 1)).Fit(data.Data)).OfType<MlpRegressionTransformer>().Single();

        Assert.IsTrue(singleFeature.IsInstanceOfType(fitted));
        Assert.AreEqual(fitted.FeatureColumnName, singleFeature.GetProperty("FeatureColumnName")!.GetValue(fitted));
        Assert.IsTrue(singleFeature.IsInstanceOfType(LoaderAssembly.CreateMulticlass(fitted.Model, "F", labelKeyValues: null)));
        Assert.IsTrue(singleFeature.IsInstanceOfType(LoaderAssembly.CreateBinary(fitted.Model, "F")));
    }

    [TestMethod]
    public void SavingAndLoadingContextsAreReachable()
    {
        // BeginModel and OpenModel run inside ML.NET's save and load; the round-trip tests exercise them. Here their
        // failure mode is checked: a wrong object gets a clear message, not a null reference deep in reflection.
        var error = Assert.ThrowsExactly<ArgumentException>(() => MlNetInternals.OpenModel(new object()));

        StringAssert.Contains(error.Message, "Microsoft.ML.ModelLoadContext");
    }
}
