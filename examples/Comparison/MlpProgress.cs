using MLNetScratchTrainer.Engine.Training;
using MLNetScratchTrainer.Examples.Shared.Progress;
using MLNetScratchTrainer.Trainers;

namespace MLNetScratchTrainer.Examples.Comparison;

/// <summary>Shows the plugin's Mlp training on a <see cref="ProgressDisplay"/>: a live line per mini-batch and a line per epoch.</summary>
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
}
