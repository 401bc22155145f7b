namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>
/// An ONNX computation graph under construction: inputs, constant tensors, operators in topological order and outputs.
/// Plain data until <see cref="OnnxModelFile"/> writes it, so graph fragments (normalizers, preprocessing, the network)
/// can be appended one after another and the result read back or written through another writer.
/// </summary>
public sealed class OnnxGraph
{
    private readonly List<OnnxValue> _inputs = [];
    private readonly List<OnnxValue> _outputs = [];
    private readonly List<OnnxInitializer> _initializers = [];
    private readonly List<OnnxNode> _nodes = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>The graph inputs.</summary>
    public IReadOnlyList<OnnxValue> Inputs => _inputs;

    /// <summary>The graph outputs.</summary>
    public IReadOnlyList<OnnxValue> Outputs => _outputs;

    /// <summary>The constant tensors.</summary>
    public IReadOnlyList<OnnxInitializer> Initializers => _initializers;

    /// <summary>The operators, each after the producers of its inputs.</summary>
    public IReadOnlyList<OnnxNode> Nodes => _nodes;

    /// <summary>Declares a graph input of shape [N, <paramref name="width"/>] and returns its name.</summary>
    /// <exception cref="ArgumentException">The name is already used in the graph.</exception>
    public string AddInput(string name, OnnxElementType elementType, int width)
    {
        Reserve(name);
        _inputs.Add(OnnxValue.Rows(name, elementType, width));
        return name;
    }

    /// <summary>Declares <paramref name="output"/> a graph output; its name must be a value some node produces.</summary>
    /// <exception cref="ArgumentException">No node produces a value of that name.</exception>
    public void AddOutput(OnnxValue output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!_nodes.Any(node => node.Outputs.Contains(output.Name)))
        {
            throw new ArgumentException($"No node of the graph produces '{output.Name}', so it cannot be an output.", nameof(output));
        }

        _outputs.Add(output);
    }

    /// <summary>Adds a float32 constant named after <paramref name="nameHint"/> (made unique) and returns its name.</summary>
    public string AddFloats(string nameHint, float[] values, params long[] dimensions)
    {
        var initializer = OnnxInitializer.OfFloats(UniqueName(nameHint), values, dimensions);
        _initializers.Add(initializer);
        return initializer.Name;
    }

    /// <summary>Adds an int64 constant named after <paramref name="nameHint"/> (made unique) and returns its name.</summary>
    public string AddIntegers(string nameHint, long[] values, params long[] dimensions)
    {
        var initializer = OnnxInitializer.OfIntegers(UniqueName(nameHint), values, dimensions);
        _initializers.Add(initializer);
        return initializer.Name;
    }

    /// <summary>
    /// Adds an operator with one output, named after <paramref name="outputHint"/> (made unique), and returns the output's name.
    /// </summary>
    /// <param name="opType">The ONNX operator, such as <c>Gemm</c>.</param>
    /// <param name="inputs">The names of the values it reads.</param>
    /// <param name="outputHint">The preferred name of its output; a suffix is added if it is taken.</param>
    /// <param name="attributes">Its attributes.</param>
    /// <exception cref="ArgumentException">An input is not a graph input, a constant or an earlier node's output.</exception>
    public string AddNode(string opType, IReadOnlyList<string> inputs, string outputHint, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        foreach (string input in inputs)
        {
            if (!_names.Contains(input))
            {
                throw new ArgumentException($"The {opType} node reads '{input}', which no input, constant or earlier node of the graph defines.", nameof(inputs));
            }
        }

        string output = UniqueName(outputHint);
        _nodes.Add(new OnnxNode(UniqueName($"{opType}_{_nodes.Count}"), opType, [.. inputs], [output], attributes));
        return output;
    }

    /// <summary><paramref name="hint"/> if no value, constant or node of the graph has that name yet, else the hint with the first free numeric suffix.</summary>
    public string UniqueName(string hint)
    {
        ArgumentException.ThrowIfNullOrEmpty(hint);
        string name = hint;
        for (int i = 1; _names.Contains(name); i++)
        {
            name = $"{hint}_{i}";
        }

        _names.Add(name);
        return name;
    }

    private void Reserve(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_names.Add(name))
        {
            throw new ArgumentException($"The name '{name}' is already used in the graph.", nameof(name));
        }
    }
}
