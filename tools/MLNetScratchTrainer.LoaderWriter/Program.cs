using System.Reflection;
using System.Runtime.Loader;

// Usage: MLNetScratchTrainer.LoaderWriter <path of the built MLNetScratchTrainer.dll> <output path of MLNetScratchTrainer.Loaders.dll>
//
// Loads the freshly built plugin and runs its MLNetScratchTrainer.Interop.LoaderAssemblyWriter.Write, which defines the
// loader assembly with System.Reflection.Emit and saves it. What the assembly holds, and why, is documented there.
if (args is not [var pluginPath, var outputPath])
{
    Console.Error.WriteLine("usage: MLNetScratchTrainer.LoaderWriter <MLNetScratchTrainer.dll> <MLNetScratchTrainer.Loaders.dll>");
    return 2;
}

string pluginDirectory = Path.GetDirectoryName(Path.GetFullPath(pluginPath))!;
AssemblyLoadContext.Default.Resolving += (context, name) =>
{
    string candidate = Path.Combine(pluginDirectory, name.Name + ".dll");
    return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
};

var plugin = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(pluginPath));
var write = plugin.GetType("MLNetScratchTrainer.Interop.LoaderAssemblyWriter", throwOnError: true)!
    .GetMethod("Write", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
    ?? throw new MissingMethodException("MLNetScratchTrainer.Interop.LoaderAssemblyWriter", "Write");
write.Invoke(null, [outputPath]);
Console.WriteLine($"MLNetScratchTrainer.LoaderWriter: wrote {outputPath}");
return 0;
