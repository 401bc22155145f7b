namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>
/// A graph input or output: name, element type and shape. A null dimension is the symbolic batch dimension
/// (named <see cref="BatchDimension"/>), so one file serves any number of rows.
/// </summary>
/// <param name="Name">The value name.</param>
/// <param name="ElementType">The element type.</param>
/// <param name="Dimensions">The shape; null entries are the batch dimension.</param>
public sealed record OnnxValue(string Name, OnnxElementType ElementType, IReadOnlyList<long?> Dimensions)
{
    /// <summary>The name of the symbolic batch dimension.</summary>
    public const string BatchDimension = "N";

    /// <summary>A batch of rows of <paramref name="width"/> values: shape [N, width].</summary>
    public static OnnxValue Rows(string name, OnnxElementType elementType, int width) => new(name, elementType, [null, width]);

    /// <summary>One value per row: shape [N].</summary>
    public static OnnxValue PerRow(string name, OnnxElementType elementType) => new(name, elementType, [null]);
}
