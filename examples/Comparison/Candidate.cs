using Microsoft.ML;
using MLNetScratchTrainer.Examples.Shared.Progress;

namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>
/// One trainer of a comparison: its name, what it is given, the rows it trains on, and how to make its pipeline (made
/// only when it runs, so that a trainer whose native library is missing fails there and is skipped).
/// </summary>
public sealed class Candidate
{
    private readonly Func<ProgressDisplay, IEstimator<ITransformer>> _createPipeline;

    private Candidate(string name, string settings, IDataView trainingData, bool reportsProgress, string? nativeLibrary, Func<ProgressDisplay, IEstimator<ITransformer>> createPipeline)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(settings);
        ArgumentNullException.ThrowIfNull(trainingData);
        ArgumentNullException.ThrowIfNull(createPipeline);
        Name = name;
        Settings = settings;
        TrainingData = trainingData;
        ReportsProgress = reportsProgress;
        NativeLibrary = nativeLibrary;
        _createPipeline = createPipeline;
    }

    /// <summary>The trainer's name in the tables, such as "SdcaMaximumEntropy".</summary>
    public string Name { get; }

    /// <summary>What the trainer is given, in a few words (options, iterations, subset).</summary>
    public string Settings { get; }

    /// <summary>The rows the pipeline is fitted on.</summary>
    public IDataView TrainingData { get; }

    /// <summary>True when the pipeline reports its own progress on the display (the Mlp); otherwise a spinner and the elapsed time are shown while it fits.</summary>
    public bool ReportsProgress { get; }

    /// <summary>The native library the trainer loads when it fits, or null; when it cannot be loaded the trainer is skipped with one line.</summary>
    public string? NativeLibrary { get; }

    /// <summary>A pipeline with the plugin's Mlp, which shows per-batch progress on the display it is given (see <see cref="MlpProgress.Attach"/>).</summary>
    public static Candidate Mlp(string name, string settings, IDataView trainingData, Func<ProgressDisplay, IEstimator<ITransformer>> createPipeline)
        => new(name, settings, trainingData, reportsProgress: true, nativeLibrary: null, createPipeline);

    /// <summary>A pipeline with one of ML.NET's trainers.</summary>
    /// <param name="name">The trainer's name in the tables.</param>
    /// <param name="settings">What it is given.</param>
    /// <param name="trainingData">The rows it is fitted on.</param>
    /// <param name="createPipeline">Makes the pipeline.</param>
    /// <param name="nativeLibrary">The native library it needs at fit time, such as LightGBM's; null for none.</param>
    public static Candidate MlNet(string name, string settings, IDataView trainingData, Func<IEstimator<ITransformer>> createPipeline, string? nativeLibrary = null)
    {
        ArgumentNullException.ThrowIfNull(createPipeline);
        return new(name, settings, trainingData, reportsProgress: false, nativeLibrary, _ => createPipeline());
    }

    /// <summary>Makes the pipeline; <paramref name="display"/> is the one its progress should go to.</summary>
    public IEstimator<ITransformer> CreatePipeline(ProgressDisplay display) => _createPipeline(display);
}
