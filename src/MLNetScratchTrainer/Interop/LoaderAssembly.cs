using System.Reflection;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Transformers;

namespace MLNetScratchTrainer.Interop;

/// <summary>
/// The run-time side of <c>MLNetScratchTrainer.Loaders.dll</c> (written at build time by <see cref="LoaderAssemblyWriter"/>,
/// shipped beside the plugin): its name, which every saved Mlp entry carries so that ML.NET finds it, and the transformer
/// subclasses it defines, which the plugin creates so that ML.NET sees them as its own prediction transformers.
/// </summary>
internal static class LoaderAssembly
{
    /// <summary>The assembly's simple name, written into saved models as their loader assembly.</summary>
    public const string Name = "MLNetScratchTrainer.Loaders";

    /// <summary>Full name of the multiclass transformer subclass.</summary>
    public const string Multiclass = Name + ".MlpMulticlassPredictionTransformer";

    /// <summary>Full name of the binary transformer subclass.</summary>
    public const string Binary = Name + ".MlpBinaryPredictionTransformer";

    /// <summary>Full name of the regression transformer subclass.</summary>
    public const string Regression = Name + ".MlpRegressionPredictionTransformer";

    private static readonly Lazy<Assembly> Assembly = new(Load);

    /// <summary>Loads the assembly (idempotent); throws a message that says what is missing when it is not beside the plugin.</summary>
    /// <exception cref="FileNotFoundException">The application was deployed without <c>MLNetScratchTrainer.Loaders.dll</c>.</exception>
    public static void EnsureLoaded() => _ = Assembly.Value;

    /// <summary>A new multiclass transformer, as the loader assembly's subclass.</summary>
    public static MlpMulticlassTransformer CreateMulticlass(MlpModel model, string featureColumnName, LabelKeyValues? labelKeyValues)
        => Create<MlpMulticlassTransformer>(Multiclass, model, featureColumnName, labelKeyValues);

    /// <summary>A new binary transformer, as the loader assembly's subclass.</summary>
    public static MlpBinaryTransformer CreateBinary(MlpModel model, string featureColumnName)
        => Create<MlpBinaryTransformer>(Binary, model, featureColumnName);

    /// <summary>A new regression transformer, as the loader assembly's subclass.</summary>
    public static MlpRegressionTransformer CreateRegression(MlpModel model, string featureColumnName)
        => Create<MlpRegressionTransformer>(Regression, model, featureColumnName);

    private static T Create<T>(string typeName, params object?[] arguments)
        where T : MlpTransformerBase
    {
        var type = Assembly.Value.GetType(typeName, throwOnError: true)!;
        return (T)Activator.CreateInstance(type, BindingFlags.Instance | BindingFlags.Public, binder: null, arguments, culture: null)!;
    }

    private static Assembly Load()
    {
        try
        {
            return System.Reflection.Assembly.Load(Name);
        }
        catch (FileNotFoundException exception)
        {
            throw new FileNotFoundException(
                $"{Name}.dll, which is built and packed with MLNetScratchTrainer.dll and must be deployed beside it, was not found. " +
                "Reference the MLNetScratchTrainer package or project (which brings both) rather than copying MLNetScratchTrainer.dll alone.",
                Name + ".dll",
                exception);
        }
    }
}
