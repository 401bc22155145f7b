namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>A named attribute of an ONNX node: one integer or one float.</summary>
public sealed record OnnxAttribute
{
    private OnnxAttribute(string name, long? integer, float? number)
    {
        Name = name;
        Integer = integer;
        Float = number;
    }

    /// <summary>The attribute's name, such as <c>axis</c> or <c>alpha</c>.</summary>
    public string Name { get; }

    /// <summary>The value of an integer attribute, else null.</summary>
    public long? Integer { get; }

    /// <summary>The value of a float attribute, else null.</summary>
    public float? Float { get; }

    /// <summary>An integer attribute (ONNX type INT).</summary>
    public static OnnxAttribute Of(string name, long value) => new(name, value, null);

    /// <summary>A float attribute (ONNX type FLOAT).</summary>
    public static OnnxAttribute Of(string name, float value) => new(name, null, value);
}
