using Microsoft.ML;
using MLNetScratchTrainer.ColdLoader;

// Usage: MLNetScratchTrainer.ColdLoader <file|stream> <model.zip> <data.idv>
//
// Loads the model with the plain MLContext.Model.Load (from the path, or from a Stream), scores the data (an ML.NET
// binary IDataView file) and prints ScoreDump's lines. Before loading it checks that no assembly of the plugin has been
// loaded: the load must find everything through the model file alone. Exit code 0 on success, 1 with the error otherwise.
if (args is not [var mode, var modelPath, var dataPath] || mode is not (ColdLoad.FromFile or ColdLoad.FromStream))
{
    Console.Error.WriteLine("usage: MLNetScratchTrainer.ColdLoader <file|stream> <model.zip> <data.idv>");
    return 2;
}

try
{
    var pluginAssemblies = ColdLoad.LoadedPluginAssemblies();
    if (pluginAssemblies.Count > 0)
    {
        Console.WriteLine($"not cold: {string.Join(", ", pluginAssemblies)} loaded before Model.Load");
        return 1;
    }

    var ml = new MLContext();
    ITransformer model;
    if (mode == ColdLoad.FromFile)
    {
        model = ml.Model.Load(modelPath, out _);
    }
    else
    {
        using var stream = File.OpenRead(modelPath);
        model = ml.Model.Load(stream, out _);
    }

    foreach (string line in ScoreDump.Lines(model.Transform(ml.Data.LoadFromBinary(dataPath))))
    {
        Console.WriteLine(line);
    }

    return 0;
}
catch (Exception exception)
{
    Console.WriteLine($"{exception.GetBaseException().GetType().Name}: {exception.GetBaseException().Message}");
    return 1;
}
