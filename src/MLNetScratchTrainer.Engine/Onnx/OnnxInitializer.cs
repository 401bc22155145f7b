namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>A constant tensor of an ONNX graph (weights, biases, shapes, indices), row-major, float32 or int64.</summary>
public sealed record OnnxInitializer
{
    private OnnxInitializer(string name, IReadOnlyList<long> dimensions, float[]? floats, long[]? integers)
    {
        Name = name;
        Dimensions = dimensions;
        Floats = floats;
        Integers = integers;
    }

    /// <summary>The value name nodes refer to.</summary>
    public string Name { get; }

    /// <summary>The shape.</summary>
    public IReadOnlyList<long> Dimensions { get; }

    /// <summary>The values of a float tensor, else null.</summary>
    public float[]? Floats { get; }

    /// <summary>The values of an int64 tensor, else null.</summary>
    public long[]? Integers { get; }

    /// <summary>The element type.</summary>
    public OnnxElementType ElementType => Floats is null ? OnnxElementType.Int64 : OnnxElementType.Float;

    /// <summary>A float32 tensor; <paramref name="values"/> must hold the product of <paramref name="dimensions"/> values.</summary>
    public static OnnxInitializer OfFloats(string name, float[] values, IReadOnlyList<long> dimensions)
        => new(name, Check(values.Length, dimensions, name), values, null);

    /// <summary>An int64 tensor; <paramref name="values"/> must hold the product of <paramref name="dimensions"/> values.</summary>
    public static OnnxInitializer OfIntegers(string name, long[] values, IReadOnlyList<long> dimensions)
        => new(name, Check(values.Length, dimensions, name), null, values);

    private static IReadOnlyList<long> Check(int count, IReadOnlyList<long> dimensions, string name)
    {
        long expected = dimensions.Aggregate(1L, (product, d) => product * d);
        if (expected != count)
        {
            throw new ArgumentException($"Initializer '{name}' has shape [{string.Join(", ", dimensions)}] ({expected} values) but {count} values were given.");
        }

        return [.. dimensions];
    }
}
