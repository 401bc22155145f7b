namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>The ONNX element types the export uses; the values are those of ONNX's <c>TensorProto.DataType</c>.</summary>
public enum OnnxElementType
{
    /// <summary>32-bit float: features, weights, scores.</summary>
    Float = 1,

    /// <summary>64-bit signed integer: class indices, shapes, gather indices.</summary>
    Int64 = 7,

    /// <summary>Boolean: masks and binary predicted labels.</summary>
    Bool = 9,

    /// <summary>32-bit unsigned integer: ML.NET key values.</summary>
    UInt32 = 12,
}
