namespace MLNetScratchTrainer.Benchmarks.Text;

/// <summary>The Mlp's prediction of one test review, in the columns ML.NET's binary evaluator reads.</summary>
public sealed class ScoredReview
{
    /// <summary>True for "great".</summary>
    public bool Label { get; set; }

    /// <summary>The logit.</summary>
    public float Score { get; set; }

    /// <summary>P(great).</summary>
    public float Probability { get; set; }

    /// <summary>Probability above one half.</summary>
    public bool PredictedLabel { get; set; }
}
