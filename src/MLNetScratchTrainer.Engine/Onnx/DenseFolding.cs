using MLNetScratchTrainer.Engine.Layers;

namespace MLNetScratchTrainer.Engine.Onnx;

/// <summary>
/// A dense layer's weights with the inference-time affine maps that follow it folded in: batch normalisation with its
/// running statistics, y·s + (β − μ·s) with s = γ / √(σ² + ε), becomes W·diag(s) and b·s + β − μ·s, so the exported
/// graph has one Gemm per layer and no BatchNormalization operator.
/// </summary>
internal sealed class DenseFolding
{
    private DenseFolding(Dense dense, float[] weight, float[] bias)
    {
        Name = dense.Name;
        WeightName = dense.Weight.Name;
        BiasName = dense.Bias.Name;
        InputSize = dense.InputSize;
        OutputSize = dense.OutputSize;
        Weight = weight;
        Bias = bias;
    }

    /// <summary>The dense layer's name, which names its Gemm node's output.</summary>
    public string Name { get; }

    /// <summary>The name of W in the model file, kept for the ONNX initializer.</summary>
    public string WeightName { get; }

    /// <summary>The name of b in the model file, kept for the ONNX initializer.</summary>
    public string BiasName { get; }

    /// <summary>Rows of <see cref="Weight"/>.</summary>
    public int InputSize { get; }

    /// <summary>Columns of <see cref="Weight"/>.</summary>
    public int OutputSize { get; }

    /// <summary>W, input × output, row-major.</summary>
    public float[] Weight { get; }

    /// <summary>b, one per output.</summary>
    public float[] Bias { get; }

    /// <summary>A copy of the dense layer's weights.</summary>
    public static DenseFolding From(Dense dense)
        => new(dense, (float[])dense.Weight.Value.Clone(), (float[])dense.Bias.Value.Clone());

    /// <summary>Folds the inference form of <paramref name="batchNorm"/> (running mean and variance) into the weights.</summary>
    public void Fold(BatchNorm batchNorm)
    {
        for (int j = 0; j < OutputSize; j++)
        {
            float scale = batchNorm.Gamma.Value[j] / MathF.Sqrt(batchNorm.RunningVariance.Value[j] + batchNorm.Epsilon);
            for (int i = 0; i < InputSize; i++)
            {
                Weight[(i * OutputSize) + j] *= scale;
            }

            Bias[j] = ((Bias[j] - batchNorm.RunningMean.Value[j]) * scale) + batchNorm.Beta.Value[j];
        }
    }
}
