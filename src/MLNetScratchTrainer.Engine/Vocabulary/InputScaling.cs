using MLNetScratchTrainer.Engine.Preprocessing;

// Vocabulary/ holds the types a plugin user names, in the product's root namespace rather than the folder's, so that one
// `using MLNetScratchTrainer;` suffices (docs/plugin.md, "Namespaces").
namespace MLNetScratchTrainer;

/// <summary>How a model scales its input features before the first layer (see <see cref="InputPreprocessor"/>).</summary>
public enum InputScaling
{
    /// <summary>
    /// Features reach the network as they are (missing values are still filled and flagged). The user's pipeline must
    /// scale them, for example with <c>NormalizeMinMax</c>.
    /// </summary>
    None,

    /// <summary>
    /// Robust scaling fitted on the training rows: (x − median) / interquartile range, then smooth clipping. Heavy tails,
    /// outliers and unscaled columns do not hurt, and the result does not depend on the user's normalizer.
    /// </summary>
    Robust,
}
