// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>The validation metric of binary classification, which picks the best epoch and drives early stopping.</summary>
public enum BinaryValidationMetric
{
    /// <summary>The weighted fraction of validation rows on the right side of probability 0.5.</summary>
    Accuracy,

    /// <summary>
    /// The weighted area under the ROC curve: the chance that a random positive row scores above a random negative one.
    /// It sees every change in the ranking of the rows, where accuracy on an unbalanced set barely moves from the
    /// majority rate from one epoch to the next.
    /// </summary>
    AreaUnderRocCurve,
}
