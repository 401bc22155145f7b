using MLNetScratchTrainer;
using MLNetScratchTrainer.Engine.Training;
using MLNetScratchTrainer.Examples.Shared.Progress;

namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>
/// Shows the plugin's Mlp training on a <see cref="ProgressDisplay"/>: in full (a live bar per mini-batch and a line per
/// epoch), or, for fits of many short epochs, as one status line with the epoch and its loss.
/// </summary>
public static class MlpProgress
{
    /// <summary>
    /// Hooks <paramref name="display"/> into the progress callbacks of <paramref name="options"/>, exactly as
    /// <see cref="ProgressDisplay.Attach"/> does for the engine's options (callbacks already set are kept). Call it before
    /// creating the trainer: the trainer copies its options.
    /// </summary>
    /// <returns><paramref name="options"/>, for use inline.</returns>
    public static MlpOptions Attach(ProgressDisplay display, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(options);
        var engineOptions = new MlpTrainerOptions
        {
            NumberOfEpochs = options.NumberOfEpochs,
            BatchCompleted = options.BatchCompleted,
            EpochCompleted = options.EpochCompleted,
        };
        display.Attach(engineOptions);
        options.BatchCompleted = engineOptions.BatchCompleted;
        options.EpochCompleted = engineOptions.EpochCompleted;
        return options;
    }

    /// <summary>
    /// Shows the epoch and its training loss as the display's status line (<see cref="ProgressDisplay.ReportStatus"/>),
    /// for fits of many short epochs where a line per epoch would flood the console. Callbacks already set are kept.
    /// </summary>
    /// <returns><paramref name="options"/>, for use inline.</returns>
    public static MlpOptions AttachEpochStatus(ProgressDisplay display, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(options);
        var previous = options.EpochCompleted;
        int? epochs = options.NumberOfEpochs;
        options.EpochCompleted = record =>
        {
            previous?.Invoke(record);
            display.ReportStatus($"{ProgressDisplay.EpochOf(record.Epoch, epochs)}, train loss {record.TrainLoss:F4}");
        };
        return options;
    }
}
