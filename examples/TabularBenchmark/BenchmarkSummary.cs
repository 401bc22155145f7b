namespace MLNetScratchTrainer.Examples.TabularBenchmark;

/// <summary>
/// The benchmark's verdict over every data set: each trainer's mean rank, the Mlp against LightGbm (per data set on the
/// mean metric, and per split), the geometric mean of the Mlp's fit time over LightGbm's, and the data sets where the Mlp
/// falls further behind the best trainer than the metric's tolerance.
/// </summary>
internal sealed class BenchmarkSummary
{
    /// <summary>Summarizes every fit.</summary>
    /// <param name="fits">Every fit of the run.</param>
    /// <param name="datasetOrder">The order of the data sets in <see cref="Datasets"/>.</param>
    /// <param name="familyOrder">The order of the families.</param>
    public BenchmarkSummary(IReadOnlyList<FitResult> fits, IReadOnlyList<string> datasetOrder, IReadOnlyList<string> familyOrder)
    {
        ArgumentNullException.ThrowIfNull(fits);
        ArgumentNullException.ThrowIfNull(datasetOrder);
        ArgumentNullException.ThrowIfNull(familyOrder);
        Fits = fits;
        Datasets = [.. datasetOrder
            .Select(name => fits.Where(fit => fit.Dataset == name).ToArray())
            .Where(group => group.Length > 0)
            .Select(group => DatasetSummary.Of(group, familyOrder))];
        Families = [.. familyOrder.Where(family => fits.Any(fit => fit.Family == family))];
        MeanRanks = Families.ToDictionary(
            family => family,
            family => Datasets.Select(dataset => dataset.Of(family)?.Rank).OfType<double>().DefaultIfEmpty(double.NaN).Average());
        var paired = Datasets.Where(d => d.Of(TrainerFamilies.Mlp) is not null && d.Of(TrainerFamilies.LightGbm) is not null).ToArray();
        if (paired.Length > 0)
        {
            MlpVersusLightGbm = HeadToHead.Count(paired.Select(d => (d.Of(TrainerFamilies.Mlp)!.MeanMetric, d.Of(TrainerFamilies.LightGbm)!.MeanMetric)));
            MlpVersusLightGbmPerSplit = HeadToHead.Count(
                from mlp in fits.Where(fit => fit.Family == TrainerFamilies.Mlp)
                join lightGbm in fits.Where(fit => fit.Family == TrainerFamilies.LightGbm) on (mlp.Dataset, mlp.Split) equals (lightGbm.Dataset, lightGbm.Split)
                select (mlp.Metric, lightGbm.Metric));
            TimeRatios = paired.ToDictionary(d => d.Dataset, d => d.Of(TrainerFamilies.Mlp)!.MeanFitSeconds / d.Of(TrainerFamilies.LightGbm)!.MeanFitSeconds);
            TimeRatioGeometricMean = Math.Exp(TimeRatios.Values.Average(Math.Log));
        }
    }

    /// <summary>Every fit of the run.</summary>
    public IReadOnlyList<FitResult> Fits { get; }

    /// <summary>One summary per data set.</summary>
    public IReadOnlyList<DatasetSummary> Datasets { get; }

    /// <summary>The families that ran, in table order.</summary>
    public IReadOnlyList<string> Families { get; }

    /// <summary>Each family's rank averaged over the data sets it ran on.</summary>
    public IReadOnlyDictionary<string, double> MeanRanks { get; }

    /// <summary>The Mlp against LightGbm on each data set's mean metric; null when either did not run.</summary>
    public HeadToHead? MlpVersusLightGbm { get; }

    /// <summary>The Mlp against LightGbm on every split of every data set; null when either did not run.</summary>
    public HeadToHead? MlpVersusLightGbmPerSplit { get; }

    /// <summary>The Mlp's mean fit time over LightGbm's, per data set; empty when either did not run.</summary>
    public IReadOnlyDictionary<string, double> TimeRatios { get; } = new Dictionary<string, double>();

    /// <summary>The geometric mean of <see cref="TimeRatios"/>; null when either did not run.</summary>
    public double? TimeRatioGeometricMean { get; }

    /// <summary>The data sets where the Mlp is further behind the best trainer than the metric's tolerance.</summary>
    public IEnumerable<DatasetSummary> MlpBehind => Datasets.Where(dataset => dataset.MlpBeyondTolerance);
}
