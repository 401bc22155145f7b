namespace MLNetScratchTrainer.Benchmarks;

/// <summary>The eight matrix products of one training step of the 784-256-128-10 network at batch 128, plus inference.</summary>
public static class GemmShapes
{
    /// <summary>Name, transposes and sizes (m, n, k) of each product.</summary>
    public static readonly (string Name, bool TransposeA, bool TransposeB, int M, int N, int K)[] TrainingStep =
    [
        ("fwd1  X·W1      128x256x784", false, false, 128, 256, 784),
        ("fwd2  H1·W2     128x128x256", false, false, 128, 128, 256),
        ("fwd3  H2·W3     128x10x128", false, false, 128, 10, 128),
        ("dW3   H2ᵀ·dY    128x10x128", true, false, 128, 10, 128),
        ("dH2   dY·W3ᵀ    128x128x10", false, true, 128, 128, 10),
        ("dW2   H1ᵀ·dH2   256x128x128", true, false, 256, 128, 128),
        ("dH1   dH2·W2ᵀ   128x256x128", false, true, 128, 256, 128),
        ("dW1   Xᵀ·dH1    784x256x128", true, false, 784, 256, 128),
    ];
}
