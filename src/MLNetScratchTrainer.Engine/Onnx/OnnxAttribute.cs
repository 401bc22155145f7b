namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>A named attribute of an ONNX node: one integer, one float, or a list of integers.</summary>
public sealed record OnnxAttribute
{
    private OnnxAttribute(string name, long? integer, float? number, IReadOnlyList<long>? integers)
    {
        Name = name;
        Integer = integer;
        Float = number;
        Integers = integers;
    }

    /// <summary>The attribute's name, such as <c>axis</c> or <c>alpha</c>.</summary>
    public string Name { get; }

    /// <summary>The value of an integer attribute, else null.</summary>
    public long? Integer { get; }

    /// <summary>The value of a float attribute, else null.</summary>
    public float? Float { get; }

    /// <summary>The values of an integer-list attribute, else null.</summary>
    public IReadOnlyList<long>? Integers { get; }

    /// <summary>An integer attribute (ONNX type INT).</summary>
    public static OnnxAttribute Of(string name, long value) => new(name, value, null, null);

    /// <summary>A float attribute (ONNX type FLOAT).</summary>
    public static OnnxAttribute Of(string name, float value) => new(name, null, value, null);

    /// <summary>An integer-list attribute (ONNX type INTS).</summary>
    public static OnnxAttribute Of(string name, IReadOnlyList<long> values) => new(name, null, null, [.. values]);
}
