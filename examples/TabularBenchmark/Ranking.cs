namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// Ranks of scores where higher is better: 1 for the best, and tied scores share the mean of the ranks they span. Scores
/// are compared at <see cref="Decimals"/> decimals, so that means equal but for the rounding of their sums (such as
/// (0.90 + 0.94) / 2 and (0.92 + 0.92) / 2) tie.
/// </summary>
internal static class Ranking
{
    /// <summary>The decimals at which scores are compared.</summary>
    public const int Decimals = 9;

    /// <summary>The score as compared: rounded to <see cref="Decimals"/> decimals.</summary>
    public static double Comparable(double score) => Math.Round(score, Decimals);

    /// <summary>The rank of each score, in the order given; for example 0.9, 0.8, 0.9 rank 1.5, 3, 1.5.</summary>
    /// <exception cref="ArgumentException">A score is NaN.</exception>
    public static double[] Ranks(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Any(double.IsNaN))
        {
            throw new ArgumentException("A score to rank is NaN.", nameof(scores));
        }

        double[] compared = [.. scores.Select(Comparable)];
        int[] order = [.. Enumerable.Range(0, compared.Length).OrderByDescending(i => compared[i])];
        var ranks = new double[scores.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start + 1;
            while (end < order.Length && compared[order[end]] == compared[order[start]])
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
