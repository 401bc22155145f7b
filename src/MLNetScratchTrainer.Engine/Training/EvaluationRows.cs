using MLNetScratchTrainer.Engine.Data;
using MLNetScratchTrainer.Engine.Models;

namespace MLNetScratchTrainer.Engine.Training;

/// <summary>The rows a run validates on after every epoch: rows of an in-memory data set, with their labels as the network learns them.</summary>
/// <param name="Data">The data the rows are read from; null without validation.</param>
/// <param name="Labels">The labels of <paramref name="Data"/>, standardised when the targets are.</param>
/// <param name="Rows">Indices of the validation rows in <paramref name="Data"/>; empty without validation.</param>
internal sealed record EvaluationRows(Dataset? Data, float[] Labels, int[] Rows)
{
    /// <summary>No validation.</summary>
    public static EvaluationRows None { get; } = new(null, [], []);

    /// <summary>The labels of <paramref name="data"/> as the network learns them: through <paramref name="targetScaling"/> when there is one.</summary>
    public static float[] ScaledLabels(Dataset data, TargetScaling? targetScaling)
    {
        if (targetScaling is null)
        {
            return data.Labels;
        }

        var scaled = new float[data.Labels.Length];
        targetScaling.Apply(data.Labels, scaled);
        return scaled;
    }
}
