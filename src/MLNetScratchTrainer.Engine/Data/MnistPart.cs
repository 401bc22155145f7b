namespace MLNetScratchTrainer.Engine.Data;

/// <summary>Which half of MNIST to load.</summary>
public enum MnistPart
{
    /// <summary>The 60000 training images (<c>train-*</c> files).</summary>
    Train,

    /// <summary>The 10000 test images (<c>t10k-*</c> files).</summary>
    Test,
}
