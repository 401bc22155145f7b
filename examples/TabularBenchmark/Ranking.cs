namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>Ranks of scores where higher is better: 1 for the best, and tied scores share the mean of the ranks they span.</summary>
internal static class Ranking
{
    /// <summary>The rank of each score, in the order given; for example 0.9, 0.8, 0.9 rank 1.5, 3, 1.5.</summary>
    /// <exception cref="ArgumentException">A score is NaN.</exception>
    public static double[] Ranks(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Any(double.IsNaN))
        {
            throw new ArgumentException("A score to rank is NaN.", nameof(scores));
        }

        int[] order = [.. Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i])];
        var ranks = new double[scores.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start + 1;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                end++;
            }

            double shared = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++)
            {
                ranks[order[i]] = shared;
            }

            start = end;
        }

        return ranks;
    }
}
