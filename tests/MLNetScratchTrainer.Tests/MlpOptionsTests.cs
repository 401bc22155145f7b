using System.Reflection;
using MLNetScratchTrainer.Engine.Models;
using MLNetScratchTrainer.Engine.Training;

namespace MLNetScratchTrainer.Tests;

/// <summary>The plugin's options are the engine's options plus columns: every engine option is reachable, with its default.</summary>
[TestClass]
public sealed class MlpOptionsTests
{
    private static IEnumerable<PropertyInfo> EngineOptions
        => typeof(MlpTrainerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite);

    [TestMethod]
    public void EveryEngineOptionIsSettableFromThePluginWithTheSameDefault()
    {
        var engine = new MlpTrainerOptions();
        var plugin = new MlpOptions();

        foreach (var property in EngineOptions)
        {
            var pluginProperty = typeof(MlpOptions).GetProperty(property.Name);
            Assert.IsNotNull(pluginProperty, property.Name);
            Assert.IsTrue(pluginProperty.CanWrite, property.Name);
            Assert.AreEqual(property.PropertyType, pluginProperty.PropertyType, property.Name);
            AssertSameValue(property.GetValue(engine), pluginProperty.GetValue(plugin), property.Name);
        }
    }

    [TestMethod]
    public void EveryEngineOptionSetInThePluginReachesTheEngineRun()
    {
        var plugin = new MlpOptions();
        var defaults = new MlpTrainerOptions();
        foreach (var property in EngineOptions)
        {
            property.SetValue(plugin, OtherValue(property, property.GetValue(defaults)));
        }

        var engine = plugin.ToEngineOptions(MlpTask.Regression, classCount: null, seed: 42);

        foreach (var property in EngineOptions)
        {
            object? expected = property.Name switch
            {
                nameof(MlpTrainerOptions.Task) => MlpTask.Regression,
                nameof(MlpTrainerOptions.Seed) => 42,
                _ => property.GetValue(plugin),
            };
            AssertSameValue(expected, property.GetValue(engine), property.Name);
            Assert.AreNotEqual(Describe(property.GetValue(defaults)), Describe(property.GetValue(engine)), $"{property.Name} was not changed, so this test proves nothing for it");
        }
    }

    [TestMethod]
    public void EveryTypeAUserNamesForAnOptionOrAHistory_IsInTheRootNamespace()
    {
        // One `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces"): no option and nothing of a training
        // history may need a type from an engine namespace. Task is set by the catalog method, never by a user.
        var options = EngineOptions.Where(property => property.Name != nameof(MlpTrainerOptions.Task)).Select(property => (property.Name, property.PropertyType));
        var history = typeof(TrainingHistory).GetProperties().Concat(typeof(EpochRecord).GetProperties()).Select(property => (property.Name, property.PropertyType));
        foreach (var (name, type) in options.Concat(history))
        {
            foreach (var named in TypesNamedBy(type))
            {
                Assert.IsTrue(named.Namespace == "MLNetScratchTrainer" || named.Namespace!.StartsWith("System", StringComparison.Ordinal), $"{name} needs {named.FullName}");
            }
        }
    }

    [TestMethod]
    public void TheTrainerCopiesTheOptions()
    {
        var options = FastOptions.Create();
        var trainer = new Microsoft.ML.MLContext(seed: 1).Regression.Trainers.Mlp(options);
        options.HiddenLayers![0] = 1000;
        options.NumberOfEpochs = 1;

        var transformer = trainer.Fit(new Microsoft.ML.MLContext(seed: 1).Data.LoadFromEnumerable(Data.InMemoryRows.Single(20)));

        Assert.AreEqual(8, transformer.Model.Architecture.HiddenLayers[0]);
        Assert.HasCount(10, transformer.History.Epochs);
    }

    /// <summary>The type and, for arrays and generic types, every type it is built from.</summary>
    private static IEnumerable<Type> TypesNamedBy(Type type) => type switch
    {
        { IsArray: true } => TypesNamedBy(type.GetElementType()!),
        { IsGenericType: true } => type.GetGenericArguments().SelectMany(TypesNamedBy).Prepend(type.GetGenericTypeDefinition()),
        _ => [type],
    };

    /// <summary>A valid value different from <paramref name="current"/> for the option.</summary>
    private static object? OtherValue(PropertyInfo property, object? current) => current switch
    {
        _ when property.PropertyType == typeof(int[]) => new[] { 7, 5 },
        _ when property.PropertyType == typeof(OptimizerSettings) => new OptimizerSettings { Beta1 = 0.5f },
        _ when property.PropertyType == typeof(LearningRateSchedule) => LearningRateSchedule.Step(3, 0.5f),
        _ when property.PropertyType == typeof(TimeSpan?) => TimeSpan.FromMinutes(5),
        _ when property.PropertyType == typeof(Action<EpochRecord>) => (Action<EpochRecord>)(_ => { }),
        _ when property.PropertyType == typeof(Action<int, int, int>) => (Action<int, int, int>)((_, _, _) => { }),
        _ when property.PropertyType == typeof(int?) => 3,
        _ when property.Name == nameof(MlpTrainerOptions.LabelSmoothing) => 0.2f,
        _ when property.PropertyType == typeof(float?) => 1.5f,
        bool flag => !flag,
        int number => number + 1,
        float number => number == 0f ? 0.25f : number * 0.5f,
        Enum value => Enum.GetValues(value.GetType()).Cast<object>().First(other => !other.Equals(value)),
        _ => throw new AssertFailedException($"No other value is known for option {property.Name} of type {property.PropertyType}; add one to this test."),
    };

    private static void AssertSameValue(object? expected, object? actual, string name)
    {
        if (expected is int[] array)
        {
            CollectionAssert.AreEqual(array, (int[])actual!, name);
        }
        else if (expected is null || expected.GetType().IsValueType || expected is OptimizerSettings)
        {
            Assert.AreEqual(expected, actual, name);
        }
        else
        {
            Assert.AreSame(expected, actual, name);
        }
    }

    private static string Describe(object? value) => value is int[] array ? string.Join("x", array) : value?.ToString() ?? "null";
}
