// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>Why training ended.</summary>
public enum StopReason
{
    /// <summary>All epochs ran.</summary>
    Completed,

    /// <summary>The validation metric stopped improving for <c>EarlyStoppingPatience</c> epochs; the best epoch's weights were restored.</summary>
    EarlyStopped,

    /// <summary>The cancellation token fired; the best (or, without validation, the last) completed epoch's weights were kept.</summary>
    Cancelled,

    /// <summary><c>MaximumTrainingTime</c> passed; the epoch under way ended there and the best weights so far were kept.</summary>
    TimeLimit,
}
