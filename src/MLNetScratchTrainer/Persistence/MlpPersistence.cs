using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Persistence;

/// <summary>
/// Makes <c>mlContext.Model.Save</c> and <c>mlContext.Model.Load</c> work for pipelines that contain Mlp transformers, in any
/// process and any <see cref="MLContext"/>, with no call beforehand.
/// </summary>
/// <remarks>
/// <para>How it works. ML.NET writes each transformer of a saved pipeline into its own entry of the model .zip, with a
/// header naming a <em>loader signature</em> and a <em>loader assembly</em>. When loading, ML.NET calls
/// <c>Assembly.Load(loaderAssembly)</c>, registers that assembly's <c>[LoadableClass]</c> attributes in the context's
/// <see cref="ComponentCatalog"/> and calls the static <c>Create</c> method registered for the signature.</para>
/// <para>A third party cannot declare <c>[LoadableClass]</c> in C# (the attribute is internal), so the attribute lives in
/// <c>MLNetScratchTrainer.Loaders.dll</c>, written at build time (<see cref="LoaderAssemblyWriter"/>) and shipped beside
/// the plugin, in its build output and its NuGet package. Its name is written into every saved Mlp entry; it points
/// ML.NET at <see cref="Create"/>. The ML.NET internals used are listed in <see cref="MlNetInternals"/>.</para>
/// </remarks>
public static class MlpPersistence
{
    /// <summary>Loader signature under which <see cref="Create"/> is registered in ML.NET's component catalog (ML.NET's header holds at most 24 characters).</summary>
    internal const string LoaderSignature = "MLNetScratchTrainerMlp";

    /// <summary>The loader's display name in ML.NET's component catalog.</summary>
    internal const string LoaderUserName = "MLNetScratchTrainer Mlp";

    /// <summary>Eight-character model signature in the header of every saved Mlp entry.</summary>
    private const string ModelSignature = "MLPSCRTR";

    /// <summary>Version written into ML.NET's header; the payload carries its own format version too.</summary>
    private const uint HeaderVersion = 0x00010001;

    /// <summary>
    /// Not needed: loading works without it. Kept for code written for earlier versions, which had to call it in a process
    /// that only loads models. It checks that <c>MLNetScratchTrainer.Loaders.dll</c> is deployed beside the plugin.
    /// </summary>
    /// <exception cref="FileNotFoundException"><c>MLNetScratchTrainer.Loaders.dll</c> is missing.</exception>
    public static void Register() => LoaderAssembly.EnsureLoaded();

    /// <summary>Writes a transformer into its entry of a model being saved by ML.NET.</summary>
    internal static void Save(ModelSaveContext context, TransformerPayload payload)
    {
        var writer = MlNetInternals.BeginModel(context, ModelSignature, HeaderVersion, LoaderSignature, LoaderAssembly.Name);
        payload.Write(writer);
    }

    /// <summary>
    /// The loader ML.NET calls for an entry whose header names <see cref="LoaderSignature"/>. ML.NET looks it up by name
    /// with the parameter types <c>(IHostEnvironment, ModelLoadContext)</c>; <c>ModelLoadContext</c> is internal, and the
    /// lookup's default binder accepts <see cref="object"/> in its place.
    /// </summary>
    private static ITransformer Create(IHostEnvironment environment, object loadContext)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (reader, directory) = MlNetInternals.OpenModel(loadContext);
        var payload = TransformerPayload.Read(reader, $"entry '{directory}' of the ML.NET model");
        return payload.Model.Architecture.Task switch
        {
            MlpTask.MulticlassClassification => LoaderAssembly.CreateMulticlass(payload.Model, payload.FeatureColumnName, payload.LabelKeyValues),
            MlpTask.BinaryClassification => LoaderAssembly.CreateBinary(payload.Model, payload.FeatureColumnName),
            _ => LoaderAssembly.CreateRegression(payload.Model, payload.FeatureColumnName),
        };
    }
}
