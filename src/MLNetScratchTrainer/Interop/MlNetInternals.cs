using System.Reflection;
using System.Reflection.Emit;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace MLNetScratchTrainer.Interop;

/// <summary>
/// The only place where this plugin touches ML.NET internals. Everything else uses ML.NET's public API.
/// </summary>
/// <remarks>
/// <para>
/// ML.NET lets third parties implement <see cref="IEstimator{TTransformer}"/> and <see cref="ITransformer"/>, but a few
/// things its own trainers do are internal (see dotnet/machinelearning issues 4911 and 6839):
/// </para>
/// <list type="number">
/// <item>The <see cref="IHostEnvironment"/> behind a catalog such as <c>mlContext.Regression.Trainers</c>, needed to write to
/// <c>mlContext.Log</c>: only the internal interface <c>Microsoft.ML.Data.IInternalCatalog</c> exposes it.</item>
/// <item>Building a <see cref="SchemaShape.Column"/> for the columns an estimator adds: its constructor is internal.</item>
/// <item>Writing a model: <see cref="ModelSaveContext"/> is public but its writer and <c>SetVersionInfo</c> (which names the
/// loader that ML.NET will look up when loading) are internal, as is the <c>VersionInfo</c> struct.</item>
/// <item>Reading a model: the <c>ModelLoadContext</c> that ML.NET passes to a loader is an internal class.</item>
/// <item>Registering a loader: ML.NET finds loaders through the internal <c>LoadableClassAttribute</c> on an assembly,
/// with the internal delegate type <c>SignatureLoadModel</c> as signature.</item>
/// <item>Permutation feature importance on a whole pipeline: ML.NET looks for the internal non-generic interface
/// <c>Microsoft.ML.ISingleFeaturePredictionTransformer</c> on the pipeline's last predictor.</item>
/// </list>
/// <para>
/// The last two cannot be declared in C#; <see cref="LoaderAssemblyWriter"/> declares them, at build time, in the assembly
/// <c>MLNetScratchTrainer.Loaders.dll</c> that ships beside the plugin (see <see cref="LoaderAssembly"/>).
/// </para>
/// <para>
/// Each member is looked up by name, lazily, from the assembly that defines a public neighbour type, and a missing one
/// throws a <see cref="MissingMemberException"/> naming it. These names are stable across ML.NET 1.x–5.0 (they are
/// what every ML.NET model file and component relies on), but nothing promises they stay: the project pins
/// Microsoft.ML 5.0.1 and the test <c>MlNetInternalsTests</c> touches every member so that an ML.NET upgrade that
/// removes one fails there, loudly, rather than in a user's save or load.
/// </para>
/// </remarks>
internal static class MlNetInternals
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>Microsoft.ML.Core: model contexts, loadable classes, <see cref="SchemaShape"/>.</summary>
    private static readonly Assembly Core = typeof(ModelSaveContext).Assembly;

    /// <summary>Microsoft.ML.Data: the catalogs.</summary>
    private static readonly Assembly Data = typeof(MLContext).Assembly;

    /// <summary>Simple name of Microsoft.ML.Core, for <c>IgnoresAccessChecksToAttribute</c>.</summary>
    public static string CoreAssemblyName => Core.GetName().Name!;

    /// <summary>Simple name of Microsoft.ML.Data, for <c>IgnoresAccessChecksToAttribute</c>.</summary>
    public static string DataAssemblyName => Data.GetName().Name!;

    /// <summary>
    /// The internal interface <c>Microsoft.ML.ISingleFeaturePredictionTransformer</c> (an <see cref="ITransformer"/> with a
    /// <c>string FeatureColumnName { get; }</c>), which the pipeline overloads of <c>PermutationFeatureImportance</c> require
    /// of the last prediction transformer.
    /// </summary>
    public static Type SingleFeaturePredictionTransformerInterface
    {
        get
        {
            var type = RequireType(Data, "Microsoft.ML.ISingleFeaturePredictionTransformer");
            var getter = type.GetProperty("FeatureColumnName", Instance)?.GetMethod;
            if (!type.IsInterface || getter is null || getter.ReturnType != typeof(string) || !typeof(ITransformer).IsAssignableFrom(type)
                || type.GetMethods().Length != 1)
            {
                throw Missing(type, "FeatureColumnName (as the interface's only member, a string getter, on an ITransformer)");
            }

            return type;
        }
    }

    /// <summary>
    /// The environment behind a trainers catalog such as <c>mlContext.MulticlassClassification.Trainers</c>:
    /// the value of the internal <c>IInternalCatalog.Environment</c> property that every catalog implements.
    /// </summary>
    public static IHostEnvironment GetEnvironment(object catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var catalogInterface = RequireType(Data, "Microsoft.ML.Data.IInternalCatalog");
        if (!catalogInterface.IsInstanceOfType(catalog))
        {
            throw new ArgumentException($"{catalog.GetType().FullName} is not an ML.NET catalog (it does not implement {catalogInterface.FullName}).", nameof(catalog));
        }

        var property = catalogInterface.GetProperty("Environment", Instance) ?? throw Missing(catalogInterface, "Environment");
        return (IHostEnvironment)property.GetValue(catalog)!;
    }

    /// <summary>
    /// A column of a <see cref="SchemaShape"/>, through the internal constructor
    /// <c>SchemaShape.Column(string name, VectorKind vecKind, DataViewType itemType, bool isKey, SchemaShape annotations)</c>.
    /// For a key column <paramref name="itemType"/> is the key's raw type (for example <c>UInt32</c>), as in ML.NET's own shapes.
    /// </summary>
    public static SchemaShape.Column CreateColumnShape(string name, SchemaShape.Column.VectorKind kind, DataViewType itemType, bool isKey, SchemaShape? annotations = null)
    {
        var constructor = typeof(SchemaShape.Column).GetConstructor(
            Instance, [typeof(string), typeof(SchemaShape.Column.VectorKind), typeof(DataViewType), typeof(bool), typeof(SchemaShape)])
            ?? throw Missing(typeof(SchemaShape.Column), ".ctor(string, VectorKind, DataViewType, bool, SchemaShape)");
        return (SchemaShape.Column)constructor.Invoke([name, kind, itemType, isKey, annotations]);
    }

    /// <summary>
    /// Starts writing a model into <paramref name="context"/>: sets the header's version information (model signature,
    /// version, and the loader signature and loader assembly that ML.NET will use to load it) through the internal
    /// <c>SetVersionInfo(VersionInfo)</c>, and returns the context's internal <c>Writer</c> for the model's bytes.
    /// ML.NET itself finishes the entry (string table, header, lengths) after <see cref="ICanSaveModel.Save"/> returns.
    /// </summary>
    public static BinaryWriter BeginModel(ModelSaveContext context, string modelSignature, uint version, string loaderSignature, string loaderAssemblyName)
    {
        ArgumentNullException.ThrowIfNull(context);
        var versionInfoType = RequireType(Core, "Microsoft.ML.VersionInfo");
        var versionInfoConstructor = versionInfoType.GetConstructor(
            Instance, [typeof(string), typeof(uint), typeof(uint), typeof(uint), typeof(string), typeof(string), typeof(string)])
            ?? throw Missing(versionInfoType, ".ctor(string, uint, uint, uint, string, string, string)");
        var setVersionInfo = typeof(ModelSaveContext).GetMethod("SetVersionInfo", Instance, [versionInfoType])
            ?? throw Missing(typeof(ModelSaveContext), "SetVersionInfo");
        var writer = typeof(ModelSaveContext).GetField("Writer", Instance) ?? throw Missing(typeof(ModelSaveContext), "Writer");

        // VersionInfo(modelSignature, verWrittenCur, verReadableCur, verWeCanReadBack, loaderAssemblyName, loaderSignature, loaderSignatureAlt)
        object versionInfo = versionInfoConstructor.Invoke([modelSignature, version, version, version, loaderAssemblyName, loaderSignature, null]);
        setVersionInfo.Invoke(context, [versionInfo]);
        return (BinaryWriter)writer.GetValue(context)!;
    }

    /// <summary>
    /// The reader and the directory (the model's path inside the ML.NET .zip, for messages) of the internal
    /// <c>ModelLoadContext</c> that ML.NET passes to a loader; the reader stands at the start of the model's bytes.
    /// </summary>
    public static (BinaryReader Reader, string Directory) OpenModel(object loadContext)
    {
        ArgumentNullException.ThrowIfNull(loadContext);
        var contextType = RequireType(Core, "Microsoft.ML.ModelLoadContext");
        if (!contextType.IsInstanceOfType(loadContext))
        {
            throw new ArgumentException($"ML.NET passed a {loadContext.GetType().FullName} where a {contextType.FullName} was expected.", nameof(loadContext));
        }

        var reader = contextType.GetField("Reader", Instance) ?? throw Missing(contextType, "Reader");
        var directory = contextType.GetField("Directory", Instance) ?? throw Missing(contextType, "Directory");
        return ((BinaryReader)reader.GetValue(loadContext)!, (string?)directory.GetValue(loadContext) ?? string.Empty);
    }

    /// <summary>
    /// The assembly attribute <c>[LoadableClass(instanceType, loaderType, null, typeof(SignatureLoadModel), userName, loaderSignature)]</c>,
    /// which tells <see cref="ComponentCatalog.RegisterAssembly"/> that models whose header names <paramref name="loaderSignature"/>
    /// are loaded by a static <c>Create(IHostEnvironment, ModelLoadContext)</c> method of <paramref name="loaderType"/>.
    /// </summary>
    public static CustomAttributeBuilder CreateLoadableClassAttribute(Type instanceType, Type loaderType, string userName, string loaderSignature)
    {
        var attributeType = RequireType(Core, "Microsoft.ML.LoadableClassAttribute");
        var signatureType = RequireType(Core, "Microsoft.ML.SignatureLoadModel");
        var constructor = attributeType.GetConstructor(
            Instance, [typeof(Type), typeof(Type), typeof(Type), typeof(Type), typeof(string), typeof(string[])])
            ?? throw Missing(attributeType, ".ctor(Type, Type, Type, Type, string, string[])");
        return new CustomAttributeBuilder(constructor, [instanceType, loaderType, null, signatureType, userName, new[] { loaderSignature }]);
    }

    private static Type RequireType(Assembly assembly, string fullName)
        => assembly.GetType(fullName, throwOnError: false) ?? throw new MissingMemberException(Explain(assembly, $"the internal type {fullName}"));

    private static MissingMemberException Missing(Type type, string member)
        => new(Explain(type.Assembly, $"the internal member {type.FullName}.{member}"));

    private static string Explain(Assembly assembly, string what)
        => $"MLNetScratchTrainer needs {what} of {assembly.GetName().Name} {assembly.GetName().Version}, which this ML.NET does not have. " +
           "The plugin is built and tested against Microsoft.ML 5.0.1; use that version.";
}
