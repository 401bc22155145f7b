namespace MLNetScratchTrainer.Engine.Training;

/// <summary>Why training ended.</summary>
public enum StopReason
{
    /// <summary>All epochs ran.</summary>
    Completed,

    /// <summary>The validation loss stopped improving; the best epoch's weights were restored.</summary>
    EarlyStopped,

    /// <summary>The cancellation token fired; the weights of the last completed epoch were kept.</summary>
    Cancelled,
}
