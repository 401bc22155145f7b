using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Persistence;

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
    public void TheLoaderAssemblyRegistersTheMlpLoader()
    {
        var loader = Assembly.Load(MlpPersistence.LoaderAssemblyName);

        new MLContext().ComponentCatalog.RegisterAssembly(loader);

        // The attribute is internal to Microsoft.ML.Core; the runtime instantiates it only thanks to IgnoresAccessChecksTo.
        Assert.IsTrue(loader.GetCustomAttributes().Any(attribute => attribute.GetType().FullName == "Microsoft.ML.LoadableClassAttribute"));
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
