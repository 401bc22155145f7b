namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>How often one trainer's metric was above, equal to or below another's.</summary>
/// <param name="Wins">Comparisons where it was higher.</param>
/// <param name="Ties">Comparisons where it was equal.</param>
/// <param name="Losses">Comparisons where it was lower.</param>
internal sealed record HeadToHead(int Wins, int Ties, int Losses)
{
    /// <summary>Counts the pairs (the trainer's metric, the other's), compared as <see cref="Ranking"/> compares them.</summary>
    public static HeadToHead Count(IEnumerable<(double Mine, double Theirs)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int wins = 0, ties = 0, losses = 0;
        foreach (var (mine, theirs) in pairs.Select(pair => (Ranking.Comparable(pair.Mine), Ranking.Comparable(pair.Theirs))))
        {
            if (mine > theirs)
            {
                wins++;
            }
            else if (mine == theirs)
            {
                ties++;
            }
            else
            {
                losses++;
            }
        }

        return new HeadToHead(wins, ties, losses);
    }

    /// <summary>Such as "6 wins, 1 tie, 6 losses of 13".</summary>
    public override string ToString() =>
        $"{Wins} win{(Wins == 1 ? "" : "s")}, {Ties} tie{(Ties == 1 ? "" : "s")}, {Losses} loss{(Losses == 1 ? "" : "es")} of {Wins + Ties + Losses}";
}
