// The namespace is the runtime's, not this folder's: the runtime recognises the attribute by its full name.
namespace System.Runtime.CompilerServices;

/// <summary>
/// Lets the assembly it is applied to use internal types and members of the named assembly. The .NET runtime honours it
/// by name; no library ships it. The plugin does not apply it to itself: <c>MLNetScratchTrainer.Loaders.dll</c> does
/// (see <see cref="MLNetScratchTrainer.Interop.LoaderAssemblyWriter"/>). It is defined here, in C#, because an assembly
/// written with <c>PersistedAssemblyBuilder</c> cannot apply an attribute type defined in itself to itself (.NET 10 writes
/// an image the runtime rejects).
/// </summary>
/// <param name="assemblyName">Simple name of the assembly whose internals become accessible.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
{
    /// <summary>Simple name of the assembly whose internals become accessible.</summary>
    public string AssemblyName { get; } = assemblyName;
}
