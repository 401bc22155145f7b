using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Interop;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Persistence;

/// <summary>
/// Makes <c>mlContext.Model.Save</c> and <c>mlContext.Model.Load</c> work for pipelines that contain Mlp transformers,
/// in any <see cref="MLContext"/>. Loading needs nothing from the caller when the process has already used any type of this
/// plugin; a process that only loads models calls <see cref="Register"/> once before its first <c>Model.Load</c>.
/// </summary>
/// <remarks>
/// <para>How it works. ML.NET writes each transformer of a saved pipeline into its own entry of the model .zip, with a
/// header naming a <em>loader signature</em> and a <em>loader assembly</em>. When loading, ML.NET calls
/// <c>Assembly.Load(loaderAssembly)</c>, registers that assembly's <c>[LoadableClass]</c> attributes in the context's
/// <see cref="ComponentCatalog"/> and calls the static <c>Create</c> method registered for the signature.</para>
/// <para>A third party cannot declare <c>[LoadableClass]</c> (the attribute is internal), so this class defines, in memory,
/// a tiny assembly that carries it and nothing else (<see cref="DefineLoaderAssembly"/>), and answers
/// <see cref="AppDomain.AssemblyResolve"/> for that assembly's name. The name is written into every saved Mlp entry as
/// the loader assembly. The hook is installed by a module initializer, that is the first time any code of this plugin
/// runs, and by <see cref="Register"/>.</para>
/// <para>Limits. A process that never touched the plugin before <c>Model.Load</c> has no hook: ML.NET's
/// <c>FileNotFoundException</c> then quotes the loader assembly's name, which is chosen to say what to do
/// ("call MlpPersistence.Register() before loading"). The ML.NET internals used are listed in <see cref="MlNetInternals"/>.</para>
/// </remarks>
public static class MlpPersistence
{
    /// <summary>Loader assembly written into saved models; ML.NET quotes it when it cannot find it.</summary>
    internal const string LoaderAssemblyName = "MLNetScratchTrainer Mlp loader - call MlpPersistence.Register() before loading";

    /// <summary>Name under which the loader is registered in ML.NET's component catalog (ML.NET's header holds at most 24 characters).</summary>
    internal const string LoaderSignature = "MLNetScratchTrainerMlp";

    /// <summary>Eight-character model signature in the header of every saved Mlp entry.</summary>
    private const string ModelSignature = "MLPSCRTR";

    /// <summary>Version written into ML.NET's header; the payload carries its own format version too.</summary>
    private const uint HeaderVersion = 0x00010001;

    private static readonly Lazy<Assembly> LoaderAssembly = new(DefineLoaderAssembly);
    private static int _registered;

    /// <summary>
    /// Lets every <see cref="MLContext"/> of this process load saved pipelines that contain Mlp transformers.
    /// Idempotent and cheap; needed only in a process that loads models without having used the plugin otherwise.
    /// </summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveLoaderAssembly;
        }
    }

    /// <summary>Registers as soon as the plugin's code first runs, so that a process that trains or predicts can load without a call.</summary>
#pragma warning disable CA2255 // A library module initializer is the point here: it makes registration automatic, and it only adds an event handler.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterOnFirstUse() => Register();

    /// <summary>Writes a transformer into its entry of a model being saved by ML.NET.</summary>
    internal static void Save(ModelSaveContext context, TransformerPayload payload)
    {
        var writer = MlNetInternals.BeginModel(context, ModelSignature, HeaderVersion, LoaderSignature, LoaderAssemblyName);
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
            MlpTask.MulticlassClassification => new MlpMulticlassTransformer(payload.Model, payload.FeatureColumnName, payload.LabelKeyValues),
            MlpTask.BinaryClassification => new MlpBinaryTransformer(payload.Model, payload.FeatureColumnName),
            _ => new MlpRegressionTransformer(payload.Model, payload.FeatureColumnName),
        };
    }

    private static Assembly? ResolveLoaderAssembly(object? sender, ResolveEventArgs args)
        => new AssemblyName(args.Name).Name == LoaderAssemblyName ? LoaderAssembly.Value : null;

    /// <summary>
    /// Defines the in-memory loader assembly. It carries two assembly attributes:
    /// <c>[IgnoresAccessChecksTo("Microsoft.ML.Core")]</c>, without which the runtime would hide an internal attribute from
    /// <see cref="ComponentCatalog.RegisterAssembly"/>, and <c>[LoadableClass(typeof(ITransformer), typeof(MlpPersistence),
    /// null, typeof(SignatureLoadModel), …, LoaderSignature)]</c>, which points ML.NET at <see cref="Create"/>.
    /// The runtime recognises <c>IgnoresAccessChecksToAttribute</c> by name, in any assembly; no library ships it, so it is
    /// defined here, in the loader assembly itself.
    /// </summary>
    private static AssemblyBuilder DefineLoaderAssembly()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(LoaderAssemblyName), AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule(LoaderAssemblyName);
        var attribute = module.DefineType(
            "System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute",
            TypeAttributes.NotPublic | TypeAttributes.Sealed | TypeAttributes.Class,
            typeof(Attribute));
        var constructor = attribute.DefineConstructor(
            MethodAttributes.Public | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
            CallingConventions.Standard,
            [typeof(string)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(Attribute).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes)!);
        il.Emit(OpCodes.Ret);
        var attributeType = attribute.CreateType();

        assembly.SetCustomAttribute(new CustomAttributeBuilder(attributeType.GetConstructor([typeof(string)])!, [MlNetInternals.CoreAssemblyName]));
        assembly.SetCustomAttribute(MlNetInternals.CreateLoadableClassAttribute(typeof(ITransformer), typeof(MlpPersistence), "MLNetScratchTrainer Mlp", LoaderSignature));
        return assembly;
    }
}
