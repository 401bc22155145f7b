using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Microsoft.ML;
using MLNetScratchTrainer.Persistence;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Interop;

/// <summary>
/// Writes <c>MLNetScratchTrainer.Loaders.dll</c>, the small assembly that ships beside the plugin and gives it what C# cannot
/// declare against ML.NET's internals. It runs at build time only: the build tool <c>tools/MLNetScratchTrainer.LoaderWriter</c>
/// loads the freshly compiled plugin and calls <see cref="Write"/> through reflection.
/// </summary>
/// <remarks>
/// <para>The assembly holds, as metadata:</para>
/// <list type="bullet">
/// <item><c>[assembly: IgnoresAccessChecksTo(…)]</c> for Microsoft.ML.Core, Microsoft.ML.Data and this plugin, which lets
/// the assembly name internal types of those three (the attribute is defined in the plugin:
/// <see cref="System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute"/>).</item>
/// <item><c>[assembly: LoadableClass(typeof(ITransformer), typeof(MlpPersistence), null, typeof(SignatureLoadModel), …)]</c>:
/// the entry that <c>ComponentCatalog.RegisterAssembly</c> finds when ML.NET loads a model whose header names this
/// assembly, and which points at <see cref="MlpPersistence"/>'s loader.</item>
/// <item>One subclass per transformer (named in <see cref="LoaderAssembly"/>) that also implements ML.NET's internal
/// non-generic <c>ISingleFeaturePredictionTransformer</c>, which the pipeline overloads of
/// <c>PermutationFeatureImportance</c> look for. The plugin creates these subclasses instead of its own classes
/// (<see cref="LoaderAssembly"/>).</item>
/// </list>
/// <para>Only metadata and three constructors' and three getters' IL are emitted; there is no logic to test apart from
/// the plugin's own. The output is byte-for-byte the same for the same plugin build (<see cref="MakeDeterministic"/>).</para>
/// </remarks>
internal static class LoaderAssemblyWriter
{
    private const MethodAttributes InterfaceImplementation =
        MethodAttributes.Private | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot;

    /// <summary>Writes the loader assembly to <paramref name="path"/>.</summary>
    public static void Write(string path)
    {
        var plugin = typeof(LoaderAssemblyWriter).Assembly.GetName();
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(LoaderAssembly.Name) { Version = plugin.Version }, typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(LoaderAssembly.Name + ".dll");

        var ignoresAccessChecks = typeof(System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute).GetConstructor([typeof(string)])!;
        foreach (string friend in new[] { MlNetInternals.CoreAssemblyName, MlNetInternals.DataAssemblyName, plugin.Name! })
        {
            assembly.SetCustomAttribute(new CustomAttributeBuilder(ignoresAccessChecks, [friend]));
        }

        assembly.SetCustomAttribute(MlNetInternals.CreateLoadableClassAttribute(typeof(ITransformer), typeof(MlpPersistence), MlpPersistence.LoaderUserName, MlpPersistence.LoaderSignature));
        DefinePredictionTransformer(module, LoaderAssembly.Multiclass, typeof(MlpMulticlassTransformer));
        DefinePredictionTransformer(module, LoaderAssembly.Binary, typeof(MlpBinaryTransformer));
        DefinePredictionTransformer(module, LoaderAssembly.Regression, typeof(MlpRegressionTransformer));

        using var image = new MemoryStream();
        assembly.Save(image);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, MakeDeterministic(image.ToArray()));
    }

    /// <summary>
    /// <see cref="PersistedAssemblyBuilder"/> stamps each image with a random module id (MVID) and the current time; this
    /// replaces both with values derived from a SHA-256 of the image with those two fields zeroed, as the C# compiler's
    /// deterministic mode does, so that the same plugin always gives the same bytes.
    /// </summary>
    private static byte[] MakeDeterministic(byte[] image)
    {
        int timeStampOffset, mvidOffset;
        using (var reader = new PEReader(new MemoryStream(image, writable: false)))
        {
            var metadata = reader.GetMetadataReader();
            timeStampOffset = reader.PEHeaders.CoffHeaderStartOffset + 4; // after Machine and NumberOfSections
            int mvidIndex = MetadataTokens.GetHeapOffset(metadata.GetModuleDefinition().Mvid); // 1-based, in 16-byte units
            mvidOffset = reader.PEHeaders.MetadataStartOffset + metadata.GetHeapMetadataOffset(HeapIndex.Guid) + (mvidIndex - 1) * 16;
        }

        image.AsSpan(timeStampOffset, 4).Clear();
        image.AsSpan(mvidOffset, 16).Clear();
        byte[] hash = SHA256.HashData(image);
        hash.AsSpan(0, 16).CopyTo(image.AsSpan(mvidOffset));
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(timeStampOffset), BinaryPrimitives.ReadUInt32LittleEndian(hash.AsSpan(16)) | 0x80000000); // high bit: not a real time, as the C# compiler marks it
        return image;
    }

    /// <summary>
    /// <c>internal sealed class {name} : {transformer}, ISingleFeaturePredictionTransformer</c> with the base's constructor
    /// and an explicit implementation of the interface's <c>FeatureColumnName</c> that returns the base's.
    /// </summary>
    private static void DefinePredictionTransformer(ModuleBuilder module, string name, Type transformer)
    {
        var singleFeature = MlNetInternals.SingleFeaturePredictionTransformerInterface;
        var type = module.DefineType(name, TypeAttributes.NotPublic | TypeAttributes.Sealed | TypeAttributes.Class, transformer, [singleFeature]);

        var baseConstructor = transformer.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic).Single();
        var parameters = baseConstructor.GetParameters().Select(parameter => parameter.ParameterType).ToArray();
        var constructor = type.DefineConstructor(MethodAttributes.Public | MethodAttributes.HideBySig, CallingConventions.Standard, parameters);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        for (short argument = 1; argument <= parameters.Length; argument++)
        {
            il.Emit(OpCodes.Ldarg, argument);
        }

        il.Emit(OpCodes.Call, baseConstructor);
        il.Emit(OpCodes.Ret);

        var interfaceGetter = singleFeature.GetProperty(nameof(MlpTransformerBase.FeatureColumnName))!.GetMethod!;
        var getter = type.DefineMethod(singleFeature.FullName + "." + interfaceGetter.Name, InterfaceImplementation, typeof(string), Type.EmptyTypes);
        il = getter.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(MlpTransformerBase).GetProperty(nameof(MlpTransformerBase.FeatureColumnName))!.GetMethod!);
        il.Emit(OpCodes.Ret);
        type.DefineMethodOverride(getter, interfaceGetter);
        type.CreateType();
    }
}
