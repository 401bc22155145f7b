using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetScratchTrainer.Interop;

/// <summary>
/// ML.NET's internal <c>OnnxContext</c> (the model that <c>mlContext.Model.ConvertToOnnx</c> is building), seen through the
/// few members the Mlp needs to add itself: column-to-variable names, initializers, nodes and their attributes. Members
/// are looked up by name, like <see cref="MlNetInternals"/>; <c>MlNetOnnxTests</c> exercises every one of them.
/// </summary>
internal sealed class MlNetOnnxContext
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private readonly object _context;

    /// <summary>Wraps the context object ML.NET passed to <c>SaveAsOnnx</c>.</summary>
    public MlNetOnnxContext(object context) => _context = context;

    /// <summary>The ONNX variable that holds column <paramref name="columnName"/> at this point of the pipeline.</summary>
    public string GetVariableName(string columnName) => (string)Call("GetVariableName", [typeof(string)], columnName);

    /// <summary>A new variable for the column <paramref name="columnName"/> of type <paramref name="type"/>, from now on the column's variable.</summary>
    public string AddColumnVariable(DataViewType type, string columnName) => (string)Call("AddIntermediateVariable", [typeof(DataViewType), typeof(string), typeof(bool)], type, columnName, false);

    /// <summary>A new variable for an intermediate value (its type and shape left to the runtime).</summary>
    public string AddTemporaryVariable(string nameHint) => (string)Call("AddIntermediateVariable", [typeof(DataViewType), typeof(string), typeof(bool)], null, nameHint, true);

    /// <summary>Adds a float32 initializer and returns its (unique) name.</summary>
    public string AddInitializer(string nameHint, IEnumerable<float> values, IEnumerable<long> dimensions)
        => (string)Call("AddInitializer", [typeof(IEnumerable<float>), typeof(IEnumerable<long>), typeof(string), typeof(bool)], values, dimensions, nameHint, true);

    /// <summary>Adds an int64 initializer and returns its (unique) name.</summary>
    public string AddInitializer(string nameHint, IEnumerable<long> values, IEnumerable<long> dimensions)
        => (string)Call("AddInitializer", [typeof(IEnumerable<long>), typeof(IEnumerable<long>), typeof(string), typeof(bool)], values, dimensions, nameHint, true);

    /// <summary>Adds a node of the default ONNX domain and returns ML.NET's node object, for <see cref="AddAttribute"/>.</summary>
    public object CreateNode(string opType, IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        string name = (string)Call("GetNodeName", [typeof(string)], opType);
        return Call("CreateNode", [typeof(string), typeof(IEnumerable<string>), typeof(IEnumerable<string>), typeof(string), typeof(string)], opType, inputs, outputs, name, string.Empty);
    }

    /// <summary>Sets an attribute of a node made by <see cref="CreateNode"/>: a long or a double.</summary>
    public static void AddAttribute(object node, string name, object value)
    {
        var method = node.GetType().GetMethod("AddAttribute", Instance, [typeof(string), value.GetType()])
            ?? throw Missing($"OnnxNode.AddAttribute(string, {value.GetType().Name})");
        Invoke(method, node, [name, value]);
    }

    private object Call(string name, Type[] parameters, params object?[] arguments)
    {
        var method = _context.GetType().GetMethod(name, Instance, parameters) ?? throw Missing($"OnnxContext.{name}");
        return Invoke(method, _context, arguments)!;
    }

    private static object? Invoke(MethodInfo method, object target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static MissingMemberException Missing(string member)
        => new($"MLNetScratchTrainer's part in ConvertToOnnx needs the internal member {member} of ML.NET's ONNX converter, which this version does not have. " +
               "Use mlContext.Model.ExportMlpToOnnx instead, or Microsoft.ML 5.0.1 with Microsoft.ML.OnnxConverter 0.23.1.");
}
