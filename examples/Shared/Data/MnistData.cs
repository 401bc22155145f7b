using MLNetScratchTrainer.Engine.Data;

namespace MLNetScratchTrainer.Examples.Shared.Data;

/// <summary>Loads MNIST for the examples from the folder named by <c>--mnist</c>, <c>MNIST_DIR</c> or found upwards.</summary>
public static class MnistData
{
    /// <summary>Loads the first <paramref name="maxRows"/> rows (all when null) of one part of MNIST, saying where from.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder was given and none was found; the message says where to get the files.</exception>
    public static Dataset Load(ExampleArguments arguments, MnistPart part, int? maxRows = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string directory = Mnist.ResolveDirectory(arguments.MnistDirectory)
            ?? throw new DirectoryNotFoundException($"No MNIST folder was given and none was found (pass --mnist DIR). {Mnist.MissingFilesMessage}");
        var data = Mnist.Load(directory, part, maxRows);
        Console.WriteLine($"Loaded {data.Count} MNIST {part.ToString().ToLowerInvariant()} images from {directory}.");
        return data;
    }
}
