namespace MLNetScratchTrainer.Engine.Training;

/// <summary>The weighted area under the ROC curve of scored rows.</summary>
internal static class RocArea
{
    /// <summary>
    /// Σ over (positive p, negative n) pairs of wₚ·wₙ·([sₚ > sₙ] + ½[sₚ = sₙ]), divided by (Σ wₚ)·(Σ wₙ): rows sorted by
    /// score, each group of tied scores adds its positives × (the negatives below it + half its own negatives).
    /// Without positive or negative weight the area is undefined and 0.5 (chance) is returned.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights)
    {
        int[] order = [.. Enumerable.Range(0, scores.Length)];
        float[] keys = scores.ToArray();
        Array.Sort(keys, order);
        double negativesBelow = 0, positiveTotal = 0, pairs = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            double groupPositives = 0, groupNegatives = 0;
            while (end < order.Length && keys[end] == keys[start])
            {
                int row = order[end++];
                double weight = weights.IsEmpty ? 1 : weights[row];
                if (positive[row])
                {
                    groupPositives += weight;
                }
                else
                {
                    groupNegatives += weight;
                }
            }

            pairs += groupPositives * (negativesBelow + (groupNegatives / 2));
            negativesBelow += groupNegatives;
            positiveTotal += groupPositives;
            start = end;
        }

        return positiveTotal > 0 && negativesBelow > 0 ? pairs / (positiveTotal * negativesBelow) : 0.5;
    }
}
