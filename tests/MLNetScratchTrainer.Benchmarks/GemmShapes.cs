namespace MLNetScratchTrainer.Benchmarks;

/// <summary>The eight matrix products of one training step of the 784-256-128-10 network, at batch 128 or any other.</summary>
public static class GemmShapes
{
    /// <summary>Name, transposes and sizes (m, n, k) of each product at batch 128.</summary>
    public static readonly (string Name, bool TransposeA, bool TransposeB, int M, int N, int K)[] TrainingStep = At(128);

    /// <summary>The eight products at batch <paramref name="b"/>.</summary>
    public static (string Name, bool TransposeA, bool TransposeB, int M, int N, int K)[] At(int b) =>
    [
        ($"fwd1  X·W1      {b}x256x784", false, false, b, 256, 784),
        ($"fwd2  H1·W2     {b}x128x256", false, false, b, 128, 256),
        ($"fwd3  H2·W3     {b}x10x128", false, false, b, 10, 128),
        ($"dW3   H2ᵀ·dY    128x10x{b}", true, false, 128, 10, b),
        ($"dH2   dY·W3ᵀ    {b}x128x10", false, true, b, 128, 10),
        ($"dW2   H1ᵀ·dH2   256x128x{b}", true, false, 256, 128, b),
        ($"dH1   dH2·W2ᵀ   {b}x256x128", false, true, b, 256, 128),
        ($"dW1   Xᵀ·dH1    784x256x{b}", true, false, 784, 256, b),
    ];
}
