namespace MLNetScratchTrainer.Benchmarks.MlNet;

/// <summary>What <c>PredictionEngine</c> returns in the ML.NET inference harness: the class scores.</summary>
public sealed class InferencePrediction
{
    /// <summary>One score per class.</summary>
    public float[] Score { get; set; } = [];
}
