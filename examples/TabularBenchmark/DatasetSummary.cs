namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>Every trainer's results on one data set, ranked by the mean of the main metric over the splits.</summary>
internal sealed class DatasetSummary
{
    private DatasetSummary(string dataset, MlpTask task, IReadOnlyList<TrainerScore> scores)
    {
        Dataset = dataset;
        Task = task;
        Metric = MainMetric.Of(task);
        Scores = scores;
    }

    /// <summary>The data set's name.</summary>
    public string Dataset { get; }

    /// <summary>What is learned.</summary>
    public MlpTask Task { get; }

    /// <summary>The metric it is ranked by.</summary>
    public MainMetric Metric { get; }

    /// <summary>One score per trainer that ran, in family order.</summary>
    public IReadOnlyList<TrainerScore> Scores { get; }

    /// <summary>The score of <paramref name="family"/>, or null when it did not run here.</summary>
    public TrainerScore? Of(string family) => Scores.FirstOrDefault(score => score.Family == family);

    /// <summary>How far the Mlp's mean metric lies below the best other trainer's (negative when it is ahead); null without the Mlp or another trainer.</summary>
    public double? MlpGap =>
        Of(TrainerFamilies.Mlp) is { } mlp && Scores.Where(score => score.Family != TrainerFamilies.Mlp).Select(score => (double?)score.MeanMetric).Max() is double best
            ? best - mlp.MeanMetric
            : null;

    /// <summary>True when the Mlp is further behind the best trainer than the metric's tolerance.</summary>
    public bool MlpBeyondTolerance => MlpGap > Metric.Tolerance;

    /// <summary>Summarizes the fits of one data set.</summary>
    /// <param name="fits">The fits of one data set (any splits, any trainers).</param>
    /// <param name="familyOrder">The order of the families in <see cref="Scores"/>.</param>
    public static DatasetSummary Of(IReadOnlyList<FitResult> fits, IReadOnlyList<string> familyOrder)
    {
        ArgumentNullException.ThrowIfNull(fits);
        ArgumentOutOfRangeException.ThrowIfZero(fits.Count);
        var byFamily = fits.GroupBy(fit => fit.Family).OrderBy(group => Position(familyOrder, group.Key)).ToArray();
        double[] means = [.. byFamily.Select(group => group.Average(fit => fit.Metric))];
        double[] ranks = Ranking.Ranks(means);
        var scores = byFamily.Select((group, i) => new TrainerScore(
            group.Key,
            group.First().Trainer,
            means[i],
            StandardDeviation([.. group.Select(fit => fit.Metric)]),
            group.Average(fit => fit.FitSeconds),
            ranks[i],
            group.Count()));
        return new DatasetSummary(fits[0].Dataset, fits[0].Task, [.. scores]);
    }

    private static int Position(IReadOnlyList<string> order, string family)
    {
        int index = order.ToList().IndexOf(family);
        return index < 0 ? int.MaxValue : index;
    }

    private static double StandardDeviation(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Length - 1));
    }
}
